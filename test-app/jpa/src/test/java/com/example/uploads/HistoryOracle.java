package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the crash workload committed, read back from its database: every path that committed data ever named
 * ({@code crash_history}, written in the same transactions), the paths rows name now, and the rows left in a
 * table journal. A file must exist exactly when a row names it.
 */
final class HistoryOracle {
    final Set<String> everNamed = new HashSet<>();
    final Set<String> named = new HashSet<>();
    final Set<String> pending = new HashSet<>();

    /** {@code rows}: the Document rows of the workload; {@code journalTable}: a table journal's table, or null. */
    HistoryOracle(Connection connection, String rows, String journalTable) throws SQLException {
        try (connection; Statement statement = connection.createStatement()) {
            read(statement, "select path from crash_history", everNamed);
            read(statement, "select filePath from Document where " + rows + " and filePath is not null", named);
            if (journalTable != null) {
                read(statement, "select file_value from " + journalTable, pending);
            }
        }
    }

    /** Fails on a file that a row names and that is gone, or that no row names and that is still there. */
    void assertFolderAgrees(Path root) {
        List<String> wronglyDeleted = new ArrayList<>();
        List<String> leftBehind = new ArrayList<>();
        for (String path : everNamed) {
            boolean exists = Files.exists(root.resolve(path));
            if (named.contains(path) && !exists) {
                wronglyDeleted.add(path);
            } else if (!named.contains(path) && exists) {
                leftBehind.add(path);
            }
        }
        assertEquals(List.of(), wronglyDeleted, "named by a committed row, but deleted");
        assertEquals(List.of(), leftBehind, "named by no committed row, but still there");
        assertEquals(Set.of(), pending, "rows left in the table journal");
    }

    private static void read(Statement statement, String sql, Set<String> into) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                into.add(rows.getString(1));
            }
        }
    }
}
