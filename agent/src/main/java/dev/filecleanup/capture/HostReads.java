package dev.filecleanup.capture;

import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's own reads on the host's connection, inside its transaction, just before Hibernate deletes what
 * they read. A failed statement must not leave that transaction unusable (PostgreSQL refuses every later one), so
 * a read runs inside a savepoint until the caller trusts it, once it has worked.
 */
public final class HostReads {

    private HostReads() {
    }

    /** Binds a statement's parameters. */
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Work on the connection. */
    public interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work}, inside a savepoint unless {@code trusted}; a failure is undone, so that the transaction
     * goes on as if the work had never run, and then thrown.
     */
    public static <T> T guarded(Connection connection, boolean trusted, Work<T> work) throws SQLException {
        Savepoint savepoint = trusted ? null : savepoint(connection);
        T result;
        try {
            result = work.run();
        } catch (SQLException | RuntimeException e) {
            try {
                if (savepoint != null) {
                    connection.rollback(savepoint);
                }
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
        try {
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
        } catch (SQLException e) {
            // some drivers do not release savepoints; the transaction's end does
        }
        return result;
    }

    /** The rows of a select, large objects ({@code lobs}, or any {@code Clob}) as text. */
    public static List<Object[]> rows(Connection connection, String sql, Binder binder, boolean[] lobs)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Object[] row = new Object[lobs.length];
                    for (int i = 0; i < row.length; i++) {
                        Object value = lobs[i] ? result.getClob(i + 1) : result.getObject(i + 1);
                        row[i] = value instanceof Clob clob ? clob.getSubString(1, (int) clob.length()) : value;
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** A savepoint in the host's transaction, or null where the connection cannot set one. */
    private static Savepoint savepoint(Connection connection) {
        try {
            return connection.getAutoCommit() ? null : connection.setSavepoint();
        } catch (SQLException e) {
            return null;
        }
    }
}
