package dev.filecleanup.capture;

import dev.filecleanup.Log;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
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
 * transaction sees them, and through every level of cascade.
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
    public List<Table> cascading(Object persister, Object session, EntityStates states) {
        List<Table> known = byPersister.get(persister);
        if (known != null) {
            return known;
        }
        CascadeGraph read = graph == null ? read(states.connection(session)) : graph;
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
            } catch (SQLException | RuntimeException | LinkageError e) {
                // Once, whatever the cause (a driver without getSchema() throws AbstractMethodError): never again.
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
            new CascadeWalk(connection, graph, columns, released)
                    .follow(table.name(), table.keys(), new ArrayList<>(keys), binder, skipped, 0);
        } catch (SQLException | RuntimeException e) {
            Savepoints.rollback(connection, savepoint);
            throw e;
        }
        Savepoints.release(connection, savepoint);
        verified.add(key);
    }
}
