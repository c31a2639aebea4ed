package dev.filecleanup.capture;

import dev.filecleanup.Log;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One walk down the cascading foreign keys from rows about to be deleted: each foreign key's rows are selected
 * once per {@value #KEYS_PER_STATEMENT} parent keys, with their file columns and the keys that the foreign keys
 * below them reference, and so on, one foreign key at a time.
 */
final class CascadeWalk {
    static final int KEYS_PER_STATEMENT = 500;
    private static final int MAX_DEPTH = 32;
    /** Binds key values as the database returned them, one level down. */
    private static final DatabaseCascades.KeyBinder VALUES = (statement, index, key) -> {
        for (Object value : (Object[]) key) {
            statement.setObject(index++, value);
        }
        return index;
    };

    private final Connection connection;
    private final CascadeGraph graph;
    private final Map<String, List<ReleasingColumn>> columns;
    /** The statements that have run once: the others run inside a savepoint. */
    private final Set<String> verified;
    private final DatabaseCascades.Released released;

    CascadeWalk(Connection connection, CascadeGraph graph, Map<String, List<ReleasingColumn>> columns,
                Set<String> verified, DatabaseCascades.Released released) {
        this.connection = connection;
        this.graph = graph;
        this.columns = columns;
        this.verified = verified;
        this.released = released;
    }

    /** Reads the rows that {@code edge} cascades to from the parent rows whose referenced columns hold {@code keys}. */
    void follow(CascadeGraph.Edge edge, List<String> where, List<?> keys, DatabaseCascades.KeyBinder binder,
                int depth) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        if (depth > MAX_DEPTH) {
            Log.warn("database cascades to {} go deeper than {} levels; the files below are kept", edge.child(),
                    MAX_DEPTH);
            return;
        }
        List<ReleasingColumn> releasing = columns.getOrDefault(CascadeGraph.key(edge.child()), List.of());
        List<CascadeGraph.Edge> next = graph.from(edge.child());
        List<String> select = new ArrayList<>();
        releasing.forEach(column -> select.add(column.column()));
        next.forEach(below -> select.addAll(below.referenced()));
        boolean[] lobs = new boolean[select.size()];
        for (int i = 0; i < releasing.size(); i++) {
            lobs[i] = releasing.get(i).lob();
        }
        List<List<Object[]>> below = new ArrayList<>();
        next.forEach(e -> below.add(new ArrayList<>()));
        for (int from = 0; from < keys.size(); from += KEYS_PER_STATEMENT) {
            List<?> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_STATEMENT));
            for (Object[] row : rows(edge.child(), select, lobs, where, chunk, binder)) {
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
            follow(next.get(n), next.get(n).foreignKey(), below.get(n), VALUES, depth + 1);
        }
    }

    /** {@code select <select> from <table> where <where> in <keys>}, in a savepoint until it has worked once. */
    private List<Object[]> rows(String table, List<String> select, boolean[] lobs, List<String> where,
                                List<?> keys, DatabaseCascades.KeyBinder binder) throws SQLException {
        StringBuilder sql = new StringBuilder("select ").append(String.join(", ", select)).append(" from ")
                .append(table).append(" where ");
        if (where.size() == 1) {
            sql.append(where.get(0)).append(" in (").append(String.join(", ", Collections.nCopies(keys.size(), "?")))
                    .append(')');
        } else {
            String match = "(" + String.join(" = ? and ", where) + " = ?)";
            for (int k = 0; k < keys.size(); k++) {
                sql.append(k == 0 ? "" : " or ").append(match);
            }
        }
        String shape = table + " " + select + " " + where;
        List<Object[]> rows = HostReads.guarded(connection, verified.contains(shape),
                () -> HostReads.rows(connection, sql.toString(), statement -> {
                    int index = 1;
                    for (Object key : keys) {
                        index = binder.bind(statement, index, key);
                    }
                }, lobs));
        verified.add(shape);
        return rows;
    }
}
