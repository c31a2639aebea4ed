package dev.filecleanup.capture;

import dev.filecleanup.Log;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
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
 * transaction sees them, and through every level of cascade (up to {@code CascadeWalk}'s depth limit).
 */
public final class DatabaseCascades {

    /** A table whose rows are about to be deleted, with its key columns as Hibernate writes them. */
    public record Table(String name, List<String> keys) {
    }

    /** Binds one key's values, in the order of {@link Table#keys}, from {@code index} on; returns the next index. */
    public interface KeyBinder {
        int bind(PreparedStatement statement, int index, Object key) throws SQLException;
    }

    private final Map<String, List<ReleasingColumn>> columns = new HashMap<>();
    /** The statements of the walk that have run once. */
    private final Set<String> verified = ConcurrentHashMap.newKeySet();
    /** The foreign keys that cannot be followed, each reported once. */
    private final Set<CascadeGraph.Edge> warned = ConcurrentHashMap.newKeySet();
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
    public List<Table> cascading(Object persister, Object session, EntityStates states) {
        List<Table> known = byPersister.get(persister);
        if (known != null) {
            return known;
        }
        CascadeGraph read = graph == null ? read(states.connection(session)) : graph;
        List<Table> own = states.tables(persister);
        List<Table> cascading = new ArrayList<>();
        for (Table table : own) {
            if (read.from(table.name()).stream().anyMatch(edge -> !sameRow(edge, own))) {
                cascading.add(table);
            }
        }
        byPersister.put(persister, List.copyOf(cascading));
        return cascading;
    }

    /**
     * Whether {@code edge} joins a row to another table of the same entity (a JOINED subclass's or a secondary
     * table, keyed by the same key): that row is read with the entity's state. A table referencing itself (a
     * tree) is a cascade like any other.
     */
    private static boolean sameRow(CascadeGraph.Edge edge, List<Table> own) {
        for (Table table : own) {
            if (CascadeGraph.key(table.name()).equals(CascadeGraph.key(edge.child()))
                    && keys(table.keys()).equals(keys(edge.foreignKey()))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> keys(List<String> columns) {
        Set<String> keys = new HashSet<>();
        columns.forEach(column -> keys.add(CascadeGraph.key(column)));
        return keys;
    }

    private synchronized CascadeGraph read(Connection connection) {
        if (graph == null) {
            try {
                graph = HostReads.guarded(connection, false, () -> CascadeGraph.read(connection,
                        columns.values().stream().map(list -> list.get(0).table()).toList()));
            } catch (SQLException | RuntimeException | LinkageError e) {
                // Once, whatever the cause (a driver without getSchema() throws AbstractMethodError): never again.
                Log.warn("cannot read the database's foreign keys ({}); files that ON DELETE CASCADE releases are "
                        + "kept", e.toString());
                graph = CascadeGraph.EMPTY;
            }
        }
        return graph;
    }

    /** Receives each file value a cascade releases. */
    public interface Released {
        void accept(ReleasingColumn column, String value);
    }

    /** Reads the values that the rows of {@code table} keyed by {@code keys} take with them, level after level. */
    public void read(Connection connection, List<Table> own, Table table, Collection<?> keys, KeyBinder binder,
                     Released released) throws SQLException {
        CascadeWalk walk = new CascadeWalk(connection, graph, columns, verified, released);
        for (CascadeGraph.Edge edge : graph.from(table.name())) {
            if (sameRow(edge, own)) {
                continue;
            }
            List<String> where = aligned(edge, table.keys());
            if (where == null) {
                if (warned.add(edge)) {
                    Log.warn("the cascading foreign key {}{} references {} rather than the key {} of the rows "
                            + "Hibernate deletes; the files it releases are kept", edge.child(), edge.foreignKey(),
                            edge.referenced(), table.keys());
                }
                continue;
            }
            walk.follow(edge, where, new ArrayList<>(keys), binder, 0);
        }
    }

    /** The edge's foreign key columns in the order of {@code keys}, or null when it references other columns. */
    private static List<String> aligned(CascadeGraph.Edge edge, List<String> keys) {
        if (edge.referenced().size() != keys.size()) {
            return null;
        }
        List<String> where = new ArrayList<>();
        for (String key : keys) {
            int i = 0;
            while (i < edge.referenced().size()
                    && !CascadeGraph.key(edge.referenced().get(i)).equals(CascadeGraph.key(key))) {
                i++;
            }
            if (i == edge.referenced().size()) {
                return null;
            }
            where.add(edge.foreignKey().get(i));
        }
        return where;
    }
}
