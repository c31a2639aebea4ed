package dev.filecleanup.capture;

import dev.filecleanup.Log;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One walk down the cascading foreign keys from rows about to be deleted: each level's rows are selected by
 * foreign key, {@value #KEYS_PER_STATEMENT} parent keys per statement, with their file columns and the keys the
 * next level references.
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
    private final DatabaseCascades.Released released;

    CascadeWalk(Connection connection, CascadeGraph graph, Map<String, List<ReleasingColumn>> columns,
                DatabaseCascades.Released released) {
        this.connection = connection;
        this.graph = graph;
        this.columns = columns;
        this.released = released;
    }

    /** {@code skipped}: the tables not to descend into, at the first level only. */
    void follow(String parent, List<String> parentKeys, List<?> keys, DatabaseCascades.KeyBinder binder,
                Set<String> skipped, int depth) throws SQLException {
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
                for (Object[] row : rows(edge.child(), select, where, chunk, binder)) {
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
                follow(edge.child(), next.get(n).referenced(), below.get(n), VALUES, Set.of(), depth + 1);
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

    private List<Object[]> rows(String table, List<String> select, List<String> where, List<?> keys,
                                DatabaseCascades.KeyBinder binder) throws SQLException {
        StringBuilder sql = new StringBuilder("select ").append(String.join(", ", select)).append(" from ")
                .append(table).append(" where ");
        if (where.size() == 1) {
            sql.append(where.get(0)).append(" in (").append(String.join(", ", Collections.nCopies(
                    keys.size(), "?"))).append(')');
        } else {
            String match = "(" + String.join(" = ? and ", where) + " = ?)";
            for (int k = 0; k < keys.size(); k++) {
                sql.append(k == 0 ? "" : " or ").append(match);
            }
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
