package dev.filecleanup.capture;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Savepoints around the agent's own reads in the host's transaction: a failed statement must not leave the
 * transaction unusable (PostgreSQL refuses every later one). A read that has worked once is trusted without one.
 */
public final class Savepoints {

    private Savepoints() {
    }

    /** A savepoint in the host's transaction, or null where the connection cannot set one. */
    public static Savepoint set(Connection connection) {
        try {
            return connection.getAutoCommit() ? null : connection.setSavepoint();
        } catch (SQLException e) {
            return null;
        }
    }

    public static void release(Connection connection, Savepoint savepoint) {
        try {
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
        } catch (SQLException e) {
            // some drivers do not release savepoints; the transaction's end does
        }
    }

    /** Undoes a failed read, so that the transaction goes on as if it had never run. */
    public static void rollback(Connection connection, Savepoint savepoint) throws SQLException {
        if (savepoint != null) {
            connection.rollback(savepoint);
        }
    }
}
