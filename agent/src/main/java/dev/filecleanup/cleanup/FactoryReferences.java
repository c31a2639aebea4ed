package dev.filecleanup.cleanup;

import dev.filecleanup.Log;
import dev.filecleanup.catalog.FactoryModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The reference columns of one SessionFactory, read in a transaction of their own on one connection at a time:
 * the tenant's under multi-tenancy, at READ COMMITTED or stricter whatever the pool's default, so that another
 * transaction's uncommitted removal is never taken for a committed one.
 */
final class FactoryReferences {
    private final String name;
    private final FactoryModel model;
    private final List<ColumnQuery> columns;
    private volatile boolean closed;
    private boolean reportedUnreadable;

    FactoryReferences(String name, FactoryModel model, List<ColumnQuery> columns) {
        this.name = name;
        this.model = model;
        this.columns = List.copyOf(columns);
    }

    String name() {
        return name;
    }

    List<ColumnQuery> columns() {
        return columns;
    }

    boolean multiTenant() {
        return model.multiTenant();
    }

    void close() {
        closed = true;
    }

    /** A closed factory whose connections closed with it: its rows can no longer be read. */
    boolean unreadable() {
        if (closed && !model.outlivesFactory()) {
            if (!reportedUnreadable) {
                reportedUnreadable = true;
                Log.warn("SessionFactory '{}' is closed and its rows can no longer be read; released files that "
                        + "they might name are kept", name);
            }
            return true;
        }
        return false;
    }

    /** Feeds {@code sink} every value of every column that may name a file called one of {@code names}. */
    void candidates(Object tenant, List<String> names, BiConsumer<ColumnQuery, String> sink) throws SQLException {
        Set<String> keys = ColumnQuery.keys(names);
        read(tenant, connection -> {
            for (ColumnQuery column : columns) {
                column.candidates(connection, names, keys, value -> sink.accept(column, value));
            }
        });
    }

    /** Feeds {@code sink} every value of every column, in one transaction: the orphan sweep's read. */
    void everyValue(BiConsumer<ColumnQuery, String> sink) throws SQLException {
        read(null, connection -> {
            for (ColumnQuery column : columns) {
                column.everyValue(connection, value -> sink.accept(column, value));
            }
        });
    }

    /** The values its columns hold, in all. */
    long count() throws SQLException {
        long[] count = new long[1];
        read(null, connection -> {
            for (ColumnQuery column : columns) {
                count[0] += column.count(connection);
            }
        });
        return count[0];
    }

    boolean closed() {
        return closed;
    }

    private interface Reading {
        void run(Connection connection) throws SQLException;
    }

    private void read(Object tenant, Reading reading) throws SQLException {
        Connection connection = model.openConnection(tenant);
        try {
            ConnectionState state = ConnectionState.of(connection);
            try {
                connection.setAutoCommit(false);
                if (state.isolation() < Connection.TRANSACTION_READ_COMMITTED) {
                    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
                reading.run(connection);
            } finally {
                // Rolled back and handed back as it came; one that cannot be put back is aborted, so that a pool
                // never lends it to the application with autocommit off.
                state.restore(connection);
            }
        } finally {
            model.closeConnection(tenant, connection);
        }
    }
}
