package dev.filecleanup.cleanup;

import dev.filecleanup.catalog.FactoryModel;
import dev.filecleanup.catalog.FileColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Asks the database, column by column, which values are still stored. Plain SQL on the physical columns, so
 * rows that HQL would hide ({@code @SQLRestriction}, {@code @SoftDelete}, filters) still count as references.
 * Costs ceil(values / BATCH_SIZE) statements per file column.
 */
final class NativeReferenceLookup implements ReferenceLookup {
    /** Values per statement; the README states the resulting bound on queries. */
    static final int BATCH_SIZE = 500;

    private final FactoryModel factory;
    private final List<FileColumn> columns;
    private final Counters counters;

    NativeReferenceLookup(FactoryModel factory, List<FileColumn> columns, Counters counters) {
        this.factory = factory;
        this.columns = columns;
        this.counters = counters;
    }

    @Override
    public Set<String> stillReferenced(Collection<String> values) throws SQLException {
        Connection connection = factory.openConnection();
        try {
            return query(connection, new ArrayList<>(values));
        } finally {
            factory.closeConnection(connection);
        }
    }

    private Set<String> query(Connection connection, List<String> values) throws SQLException {
        Set<String> referenced = new HashSet<>();
        try {
            for (FileColumn column : columns) {
                for (int from = 0; from < values.size(); from += BATCH_SIZE) {
                    List<String> batch = values.subList(from, Math.min(values.size(), from + BATCH_SIZE));
                    referenced.addAll(query(connection, column, batch));
                }
            }
        } finally {
            // Only reads happened; end the read transaction the pool may have opened.
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        }
        return referenced;
    }

    private Set<String> query(Connection connection, FileColumn column, List<String> values) throws SQLException {
        Map<Object, List<String>> byColumnValue = new HashMap<>();
        for (String value : values) {
            byColumnValue.computeIfAbsent(column.toColumnValue().apply(value), k -> new ArrayList<>()).add(value);
        }
        String sql = "select " + column.column() + " from " + column.table() + " where " + column.column()
                + " in (" + "?,".repeat(byColumnValue.size() - 1) + "?)";
        Set<String> referenced = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (Object columnValue : byColumnValue.keySet()) {
                statement.setObject(index++, columnValue);
            }
            counters.countReferenceQuery();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Object stored = rows.getObject(1);
                    List<String> matching = byColumnValue.get(stored);
                    if (matching != null) {
                        referenced.addAll(matching);
                    } else {
                        // The database found a match we cannot map back exactly (a case- or pad-insensitive
                        // collation, a converted type): keep every value it may have matched.
                        referenced.addAll(looselyEqual(byColumnValue, String.valueOf(stored)));
                    }
                }
            }
        }
        return referenced;
    }

    private static List<String> looselyEqual(Map<Object, List<String>> byColumnValue, String stored) {
        List<String> matching = new ArrayList<>();
        byColumnValue.forEach((columnValue, values) -> {
            if (String.valueOf(columnValue).strip().equalsIgnoreCase(stored.strip())) {
                matching.addAll(values);
            }
        });
        return matching;
    }
}
