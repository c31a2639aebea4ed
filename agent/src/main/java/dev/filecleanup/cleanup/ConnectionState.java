package dev.filecleanup.cleanup;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A borrowed connection's auto-commit and isolation, put back as they were before it returns to the pool; a
 * connection that cannot be put back is aborted, so that a pool never lends the application one in our state.
 */
public record ConnectionState(boolean autoCommit, int isolation) {
    public static ConnectionState of(Connection connection) throws SQLException {
        return new ConnectionState(connection.getAutoCommit(), connection.getTransactionIsolation());
    }

    /** Ends what is left of the agent's transaction and restores the connection. Never throws. */
    public void restore(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            if (connection.getTransactionIsolation() != isolation) {
                connection.setTransactionIsolation(isolation);
            }
            connection.setAutoCommit(autoCommit);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                // the pool finds it broken
            }
        }
    }
}
