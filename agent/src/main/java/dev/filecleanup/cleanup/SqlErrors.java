package dev.filecleanup.cleanup;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;

/** Tells the errors that retrying will not fix (a statement the database rejects) from those it may. */
final class SqlErrors {

    private SqlErrors() {
    }

    /**
     * Syntax or access rule violations (SQLSTATE class 42), features not supported (0A) and data exceptions (22)
     * stay whatever the retry; lost connections, deadlocks, timeouts and resource limits may not.
     */
    static boolean permanent(SQLException e) {
        if (e instanceof SQLNonTransientException && !(e instanceof SQLNonTransientConnectionException)) {
            return true;
        }
        String state = e.getSQLState();
        return state != null && (state.startsWith("42") || state.startsWith("0A") || state.startsWith("22"));
    }
}
