package dev.filecleanup.journal;

import dev.filecleanup.Log;
import dev.filecleanup.capture.ReleasedFile;
import dev.filecleanup.catalog.FactoryModel;
import dev.filecleanup.cleanup.ConnectionState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The table journal's table in one SessionFactory's database. Rows are written on the application's connection,
 * in its transaction, so they commit or roll back with the change that released the values. Any node drains the
 * committed ones: it claims a batch with {@code FOR UPDATE SKIP LOCKED} where the database has it, else by a
 * lease that expires, and removes each row once its file is dealt with.
 */
final class Outbox {
    static final int MAX_VALUE = 4000;
    static final String COLUMNS = "id, file_value, entity_name, attribute_name, cause, column_label, tenant, "
            + "released_at";

    private final String table;
    private final String factory;
    private final FactoryModel model;
    /** What a database without {@code SKIP LOCKED} answers: a syntax error (PostgreSQL; MariaDB and H2). */
    private static final java.util.Set<String> SYNTAX_ERRORS = java.util.Set.of("42601", "42000", "42001");

    private volatile boolean skipLocked = true;
    private volatile boolean reportedNoSavepoint;

    private Outbox(String table, String factory, FactoryModel model) {
        this.table = table;
        this.factory = factory;
        this.model = model;
    }

    /** The DDL, the same on PostgreSQL, MariaDB and H2; the README gives it for migrations. */
    static String ddl(String table) {
        return "create table " + table + " (\n"
                + "    id bigint not null primary key,\n"
                + "    file_value varchar(" + MAX_VALUE + ") not null,\n"
                + "    entity_name varchar(255) not null,\n"
                + "    attribute_name varchar(255) not null,\n"
                + "    cause varchar(16) not null,\n"
                + "    column_label varchar(255) not null,\n"
                + "    tenant varchar(255),\n"
                + "    released_at bigint not null,\n"
                + "    failure varchar(1000),\n"
                + "    lease_owner varchar(64),\n"
                + "    lease_until bigint\n"
                + ")";
    }

    /** The outbox of one factory, or null (said once, clearly) when its table is missing and may not be created. */
    static Outbox open(String table, String factory, FactoryModel model, boolean create) {
        try {
            Connection connection = model.openConnection(null);
            try {
                if (!exists(connection, table)) {
                    if (!create) {
                        Log.error("SessionFactory '{}': the table journal's table {} does not exist; create it (the "
                                + "README gives its DDL) or set filecleanup.journal.createTable=true. Until then, "
                                + "this factory's released files are held in memory only", factory, table);
                        return null;
                    }
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(ddl(table));
                        if (!connection.getAutoCommit()) {
                            connection.commit();
                        }
                    } catch (SQLException e) {
                        rollbackQuietly(connection);
                        if (!exists(connection, table)) {
                            throw e;
                        }
                    }
                    Log.info("SessionFactory '{}': created the table journal's table {}", factory, table);
                }
            } finally {
                model.closeConnection(null, connection);
            }
            return new Outbox(table, factory, model);
        } catch (SQLException | RuntimeException e) {
            Log.error("SessionFactory '{}': the table journal's table {} cannot be used ({}); this factory's released "
                    + "files are held in memory only", factory, table, e.toString());
            return null;
        }
    }

    private static boolean exists(Connection connection, String table) {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("select id from " + table + " where 1 = 0").close();
            return true;
        } catch (SQLException e) {
            rollbackQuietly(connection);
            return false;
        }
    }

    /**
     * Writes one row per value on the application's connection, in its transaction; numbers are random, so that
     * nodes never collide. Always inside a savepoint: a failure (a lock timeout, say) is undone, the transaction
     * goes on as if nothing had been written, and the values stay unjournaled. Where no savepoint can be set, or a
     * value does not fit the table, nothing is written for it.
     */
    long[] write(Connection connection, List<ReleasedFile> files) {
        long[] numbers = new long[files.size()];
        Savepoint savepoint;
        try {
            savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        } catch (SQLException | RuntimeException e) {
            savepoint = null;
        }
        if (savepoint == null) {
            if (!reportedNoSavepoint) {
                reportedNoSavepoint = true;
                Log.warn("SessionFactory '{}': no savepoint can be set on the application's connection, so the table "
                        + "journal is not written there; released files are held in memory only", factory);
            }
            return numbers;
        }
        long at = System.currentTimeMillis();
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into " + table + " (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < files.size(); i++) {
                ReleasedFile file = files.get(i);
                if (!fits(file)) {
                    continue;
                }
                numbers[i] = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
                insert.setLong(1, numbers[i]);
                insert.setString(2, file.value());
                insert.setString(3, file.entity());
                insert.setString(4, file.attribute());
                insert.setString(5, file.cause().name());
                insert.setString(6, file.column());
                insert.setString(7, file.tenant() == null ? null : file.tenant().toString());
                insert.setLong(8, at);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.releaseSavepoint(savepoint);
            return numbers;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException undo) {
                e.addSuppressed(undo);
            }
            Log.warn("SessionFactory '{}': could not write {} released file(s) to the table journal {}; they are held "
                    + "in memory only: {}", factory, files.size(), table, e.toString());
            return new long[files.size()];
        }
    }

    private static boolean fits(ReleasedFile file) {
        return file.value().length() <= MAX_VALUE && file.entity().length() <= 255
                && file.attribute().length() <= 255 && file.column().length() <= 255
                && (file.tenant() == null || file.tenant().toString().length() <= 255);
    }

    /**
     * Claims up to {@code limit} waiting rows numbered after {@code after}, oldest number first, by leasing them to
     * a new owner for {@code leaseMillis}, in a short transaction of its own: the connection goes back at once, and
     * a node that dies holding rows loses them when the lease runs out. Candidates are selected with
     * {@code FOR UPDATE SKIP LOCKED} where the database has it, so that nodes claiming at once skip each other's
     * rows; the lease condition, checked again by the update, decides either way.
     */
    Claim claim(long after, int limit, long leaseMillis) throws SQLException {
        String owner = java.util.UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        Connection connection = model.openConnection(null);
        ConnectionState state;
        try {
            state = ConnectionState.of(connection);
        } catch (SQLException | RuntimeException e) {
            model.closeConnection(null, connection);
            throw e;
        }
        try {
            connection.setAutoCommit(false);
            if (state.isolation() < Connection.TRANSACTION_READ_COMMITTED) {
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            List<Long> ids = candidates(connection, after, limit, now);
            for (List<Long> chunk : Claim.chunks(ids)) {
                try (PreparedStatement lease = connection.prepareStatement("update " + table
                        + " set lease_owner = ?, lease_until = ? where id in (" + Claim.marks(chunk.size())
                        + ") and failure is null and (lease_until is null or lease_until < ?)")) {
                    lease.setString(1, owner);
                    lease.setLong(2, now + leaseMillis);
                    for (int i = 0; i < chunk.size(); i++) {
                        lease.setLong(3 + i, chunk.get(i));
                    }
                    lease.setLong(3 + chunk.size(), now);
                    lease.executeUpdate();
                }
            }
            connection.commit();
            List<Journal.Entry> entries = ids.isEmpty() ? List.of() : select(connection, "select " + COLUMNS + " from "
                    + table + " where lease_owner = ? and id > ? order by id", owner, after);
            connection.commit();
            return new Claim(this, owner, entries);
        } finally {
            state.restore(connection);
            model.closeConnection(null, connection);
        }
    }

    private List<Long> candidates(Connection connection, long after, int limit, long now) throws SQLException {
        String sql = "select id from " + table + " where failure is null and id > ? and (lease_until is null or "
                + "lease_until < ?) order by id limit ?";
        if (skipLocked) {
            try {
                return ids(connection, sql + " for update skip locked", after, now, limit);
            } catch (SQLException e) {
                connection.rollback();
                if (!SYNTAX_ERRORS.contains(e.getSQLState())) {
                    throw e;
                }
                Log.info("the table journal {} is claimed by lease alone: this database has no FOR UPDATE SKIP "
                        + "LOCKED ({})", table, e.getMessage());
                skipLocked = false;
            }
        }
        return ids(connection, sql, after, now, limit);
    }

    private static List<Long> ids(Connection connection, String sql, long after, long now, int limit)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, after);
            select.setLong(2, now);
            select.setInt(3, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private static List<Journal.Entry> select(Connection connection, String sql, Object first, Object second)
            throws SQLException {
        List<Journal.Entry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, first);
            select.setObject(2, second);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ReleasedFile file = new ReleasedFile(rows.getString(2), rows.getString(3), rows.getString(4),
                            cause(rows.getString(5)), rows.getString(6), rows.getString(7));
                    // No time of release: the file's time comes from another clock than the releasing node's.
                    entries.add(new Journal.Entry(rows.getLong(1), file, 0));
                }
            }
        }
        return entries;
    }

    boolean claimsByLock() {
        return skipLocked;
    }

    /** Claims by lease from now on, as on a database without {@code SKIP LOCKED}. */
    void useLeases() {
        skipLocked = false;
    }

    /** The cause is only told in the log: one written by a later version reads as "removed". */
    private static ReleasedFile.Cause cause(String name) {
        try {
            return ReleasedFile.Cause.valueOf(name);
        } catch (IllegalArgumentException e) {
            return ReleasedFile.Cause.REMOVED;
        }
    }

    String table() {
        return table;
    }

    String factory() {
        return factory;
    }

    FactoryModel model() {
        return model;
    }

    static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            // the connection goes back as it is; a pool validates it
        }
    }
}
