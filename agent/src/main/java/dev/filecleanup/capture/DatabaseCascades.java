package dev.filecleanup.capture;

import dev.filecleanup.Log;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads, for one SessionFactory, the file values of the rows that the database deletes by itself when Hibernate
 * deletes their parent ({@code @OnDelete(action = CASCADE)}, or any {@code ON DELETE CASCADE}): Hibernate never
 * sees those rows. They are read just before the parent's DELETE, on the session's connection, so as its
 * transaction sees them, and through every level of cascade.
 */
public final class DatabaseCascades {
    static final int KEYS_PER_STATEMENT = 100;
    private static final int MAX_DEPTH = 32;

    /** A table whose rows are about to be deleted, with its key columns as Hibernate writes them. */
    public record Table(String name, List<String> keys) {
    }

    /** Binds one key's values, in the order of {@link Table#keys}, from {@code index} on; returns the next index. */
    public interface KeyBinder {
        int bind(PreparedStatement statement, int index, Object key) throws SQLException;
    }

    private static final KeyBinder VALUES = (statement, index, key) -> {
        for (Object value : (Object[]) key) {
            statement.setObject(index++, value);
        }
        return index;
    };

    private final Map<String, List<ReleasingColumn>> columns = new HashMap<>();
    private final Set<String> verified = ConcurrentHashMap.newKeySet();
    private final Map<Object, List<Table>> byPersister = new ConcurrentHashMap<>();
    private volatile CascadeGraph graph;

    public DatabaseCascades(List<ReleasingColumn> released) {
        released.forEach(column -> columns.computeIfAbsent(CascadeGraph.key(column.table()), t -> new ArrayList<>())
                .add(column));
    }

    /**
     * The tables of {@code persister} that a cascading foreign key leading to file values references; usually none.
     * The first call reads the database's metadata; if that fails, cascades are not followed (and the files they
     * release are kept).
     */
    public List<Table> cascading(Connection connection, Object persister, EntityStates states) {
        List<Table> known = byPersister.get(persister);
        if (known != null) {
            return known;
        }
        CascadeGraph read = graph == null ? read(connection) : graph;
        List<Table> tables = states.tables(persister);
        List<Table> cascading = new ArrayList<>();
        for (Table table : tables) {
            // The entity's own tables (JOINED subclasses, secondary tables) are read with its state, not here.
            if (read.from(table.name()).stream().anyMatch(edge -> tables.stream()
                    .noneMatch(own -> CascadeGraph.key(own.name()).equals(CascadeGraph.key(edge.child()))))) {
                cascading.add(table);
            }
        }
        byPersister.put(persister, List.copyOf(cascading));
        return cascading;
    }

    private synchronized CascadeGraph read(Connection connection) {
        if (graph == null) {
            Savepoint savepoint = Savepoints.set(connection);
            try {
                graph = CascadeGraph.read(connection, columns.values().stream().map(list -> list.get(0).table())
                        .toList());
                Savepoints.release(connection, savepoint);
            } catch (SQLException | RuntimeException e) {
                Log.warn("cannot read the database's foreign keys ({}); files that ON DELETE CASCADE releases are "
                        + "kept", e.toString());
                graph = CascadeGraph.EMPTY;
                try {
                    Savepoints.rollback(connection, savepoint);
                } catch (SQLException ignored) {
                    // the transaction's own statements will say whether it is still usable
                }
            }
        }
        return graph;
    }

    /** Receives each file value a cascade releases. */
    public interface Released {
        void accept(ReleasingColumn column, String value);
    }

    /**
     * Reads the values the rows of {@code table} keyed by {@code keys} take with them, level after level. The first
     * read from a table runs inside a savepoint; once it has worked, it is trusted.
     */
    public void read(Connection connection, List<Table> own, Table table, Collection<?> keys, KeyBinder binder,
                     Released released) throws SQLException {
        String key = CascadeGraph.key(table.name());
        Savepoint savepoint = verified.contains(key) ? null : Savepoints.set(connection);
        Set<String> skipped = new HashSet<>();
        own.forEach(ownTable -> skipped.add(CascadeGraph.key(ownTable.name())));
        try {
            follow(connection, table.name(), table.keys(), new ArrayList<>(keys), binder, skipped, 0, released);
        } catch (SQLException | RuntimeException e) {
            Savepoints.rollback(connection, savepoint);
            throw e;
        }
        Savepoints.release(connection, savepoint);
        verified.add(key);
    }

    /** {@code skipped}: the tables not to descend into, at the first level only. */
    private void follow(Connection connection, String parent, List<String> parentKeys, List<?> keys,
                        KeyBinder binder, Set<String> skipped, int depth, Released released) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        if (depth > MAX_DEPTH) {
            Log.warn("database cascades from {} go deeper than {} levels; the files below are kept", parent,
                    MAX_DEPTH);
            return;
        }
        for (CascadeGraph.Edge edge : graph.from(parent)) {
            if (skipped.contains(CascadeGraph.key(edge.child()))) {
                continue;
            }
            List<String> where = aligned(edge, parentKeys);
            if (where == null) {
                Log.warn("the cascading foreign key {}{} references {} rather than its key {}; the files it "
                        + "releases are kept", edge.child(), edge.foreignKey(), edge.referenced(), parentKeys);
                continue;
            }
            List<ReleasingColumn> releasing = columns.getOrDefault(CascadeGraph.key(edge.child()), List.of());
            List<CascadeGraph.Edge> next = graph.from(edge.child());
            List<String> select = new ArrayList<>();
            releasing.forEach(column -> select.add(column.column()));
            next.forEach(below -> select.addAll(below.referenced()));
            List<List<Object[]>> below = new ArrayList<>();
            next.forEach(e -> below.add(new ArrayList<>()));
            for (int from = 0; from < keys.size(); from += KEYS_PER_STATEMENT) {
                List<?> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_STATEMENT));
                for (Object[] row : rows(connection, edge.child(), select, where, chunk, binder)) {
                    for (int i = 0; i < releasing.size(); i++) {
                        String value = releasing.get(i).value(row[i]);
                        if (value != null) {
                            released.accept(releasing.get(i), value);
                        }
                    }
                    int at = releasing.size();
                    for (int n = 0; n < next.size(); n++) {
                        int width = next.get(n).referenced().size();
                        below.get(n).add(Arrays.copyOfRange(row, at, at + width));
                        at += width;
                    }
                }
            }
            for (int n = 0; n < next.size(); n++) {
                follow(connection, edge.child(), next.get(n).referenced(), below.get(n), VALUES, Set.of(), depth + 1,
                        released);
            }
        }
    }

    /** The edge's foreign key columns in the order of {@code parentKeys}, or null when it references others. */
    private static List<String> aligned(CascadeGraph.Edge edge, List<String> parentKeys) {
        if (edge.referenced().size() != parentKeys.size()) {
            return null;
        }
        List<String> where = new ArrayList<>();
        for (String parentKey : parentKeys) {
            int i = 0;
            while (i < edge.referenced().size()
                    && !CascadeGraph.key(edge.referenced().get(i)).equals(CascadeGraph.key(parentKey))) {
                i++;
            }
            if (i == edge.referenced().size()) {
                return null;
            }
            where.add(edge.foreignKey().get(i));
        }
        return where;
    }

    private static List<Object[]> rows(Connection connection, String table, List<String> select, List<String> where,
                                       List<?> keys, KeyBinder binder) throws SQLException {
        StringBuilder sql = new StringBuilder("select ").append(String.join(", ", select)).append(" from ")
                .append(table).append(" where ");
        String match = "(" + String.join(" = ? and ", where) + " = ?)";
        for (int k = 0; k < keys.size(); k++) {
            sql.append(k == 0 ? "" : " or ").append(match);
        }
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (Object key : keys) {
                index = binder.bind(statement, index, key);
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Object[] row = new Object[select.size()];
                    for (int i = 0; i < row.length; i++) {
                        Object value = result.getObject(i + 1);
                        row[i] = value instanceof Clob clob ? clob.getSubString(1, (int) clob.length()) : value;
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
