package dev.filecleanup.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filecleanup.capture.ReleasedFile;
import dev.filecleanup.cleanup.H2Model;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TableJournalTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private H2Model database;

    @BeforeEach
    void database() throws SQLException {
        database = new H2Model("outbox" + DATABASES.incrementAndGet(), List.of());
    }

    @AfterEach
    void close() throws SQLException {
        database.close();
    }

    @Test
    void rowsCommitAndRollBackWithTheApplicationsTransaction() throws SQLException {
        Outbox outbox = Outbox.open("file_cleanup_pending", "h2", database, true);
        write(outbox, true, "committed.txt");
        write(outbox, false, "rolled-back.txt");

        Claim claim = outbox.claim(0, 100, 60_000);
        assertTrue(outbox.claimsByLock(), "H2 2.x has FOR UPDATE SKIP LOCKED");
        assertEquals(List.of("committed.txt"), values(claim.entries()));
        claim.settle(claim.entries().get(0).number());
        claim.finish();
        assertEquals(0, count("select count(*) from file_cleanup_pending"));
    }

    /** Two nodes draining at once never get the same row, whichever way the database lets them claim. */
    @Test
    void concurrentClaimsNeverShareARowByLockOrByLease() throws SQLException {
        for (boolean skipLocked : new boolean[] {true, false}) {
            Outbox outbox = Outbox.open("file_cleanup_pending", "h2", database, true);
            if (!skipLocked) {
                outbox.useLeases();
            }
            for (int i = 0; i < 10; i++) {
                write(outbox, true, "file-" + i + ".txt");
            }
            Claim first = outbox.claim(0, 6, 60_000);
            Claim second = outbox.claim(0, 6, 60_000);
            Set<Long> seen = new HashSet<>();
            first.entries().forEach(entry -> assertTrue(seen.add(entry.number())));
            second.entries().forEach(entry -> assertTrue(seen.add(entry.number()), "claimed twice: " + entry));
            assertEquals(10, seen.size(), (skipLocked ? "skip locked" : "lease") + ": every row claimed once");
            first.entries().forEach(entry -> first.settle(entry.number()));
            second.entries().forEach(entry -> second.settle(entry.number()));
            first.finish();
            second.finish();
            assertEquals(0, count("select count(*) from file_cleanup_pending"));
        }
    }

    /** A node that dies holding a lease loses it when it expires; a lock goes with the dead node's connection. */
    @Test
    void anExpiredLeaseLetsAnotherNodeFinishTheWork() throws Exception {
        Outbox outbox = Outbox.open("file_cleanup_pending", "h2", database, true);
        outbox.useLeases();
        write(outbox, true, "orphaned.txt");
        Claim dead = outbox.claim(0, 10, 200);
        assertEquals(1, dead.entries().size());
        assertEquals(List.of(), outbox.claim(0, 10, 200).entries());
        Thread.sleep(300);
        Claim survivor = outbox.claim(0, 10, 200);
        assertEquals(List.of("orphaned.txt"), values(survivor.entries()));
        survivor.settle(survivor.entries().get(0).number());
        survivor.finish();
        // The dead node's late outcome does not touch a row it no longer holds.
        dead.fail(dead.entries().get(0).number(), "too late");
        dead.finish();
        assertEquals(0, count("select count(*) from file_cleanup_pending"));
    }

    @Test
    void failedRowsStayMarkedAndAreNotClaimedAgain() throws SQLException {
        Outbox outbox = Outbox.open("file_cleanup_pending", "h2", database, true);
        write(outbox, true, "stuck.txt", "fine.txt");
        Claim claim = outbox.claim(0, 10, 60_000);
        for (Journal.Entry entry : claim.entries()) {
            if (entry.file().value().equals("stuck.txt")) {
                claim.fail(entry.number(), "permission denied");
            }
        }
        claim.finish();
        assertEquals(List.of("fine.txt"), values(outbox.claim(0, 10, 60_000).entries()));
        assertEquals(1, count("select count(*) from file_cleanup_pending where failure = 'permission denied'"));
    }

    /** A failed insert is undone to its savepoint: the application's transaction goes on and commits. */
    @Test
    void aWriteThatFailsLeavesTheApplicationsTransactionUsable() throws SQLException {
        Outbox outbox = Outbox.open("file_cleanup_pending", "h2", database, true);
        database.execute("create table app_rows (name varchar(20))");
        try (Connection connection = database.openConnection(null)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("insert into app_rows values ('before')");
            }
            database.execute("drop table file_cleanup_pending");
            long[] numbers = outbox.write(connection, List.of(new ReleasedFile("a.txt", "Document", "filePath",
                    ReleasedFile.Cause.REMOVED, "document.file_path", null), new ReleasedFile("x".repeat(5000),
                    "Document", "filePath", ReleasedFile.Cause.REMOVED, "document.file_path", null)));
            assertEquals(List.of(0L, 0L), java.util.Arrays.stream(numbers).boxed().toList());
            try (Statement statement = connection.createStatement()) {
                statement.execute("insert into app_rows values ('after')");
            }
            connection.commit();
        }
        assertEquals(2, count("select count(*) from app_rows"));
    }

    @Test
    void aMissingTableIsCreatedOnlyWhenAskedTo() throws SQLException {
        assertNull(Outbox.open("file_cleanup_pending", "h2", database, false));
        assertTrue(Outbox.open("file_cleanup_pending", "h2", database, true) != null);
        assertTrue(Outbox.open("file_cleanup_pending", "h2", database, false) != null);
    }

    /** The README gives the table's DDL for migrations: it must be the one the agent runs. */
    @Test
    void theReadmeGivesTheDdlTheAgentRuns() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        assertTrue(readme.contains("```sql\n" + Outbox.ddl("file_cleanup_pending") + "\n```"),
                "the README's DDL differs from:\n" + Outbox.ddl("file_cleanup_pending"));
    }

    private void write(Outbox outbox, boolean commit, String... values) throws SQLException {
        try (Connection connection = database.openConnection(null)) {
            connection.setAutoCommit(false);
            List<ReleasedFile> files = new ArrayList<>();
            for (String value : values) {
                files.add(new ReleasedFile(value, "Document", "filePath", ReleasedFile.Cause.REMOVED,
                        "document.file_path", null));
            }
            long[] numbers = outbox.write(connection, files);
            for (long number : numbers) {
                assertTrue(number != Journal.NOT_JOURNALED);
            }
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.openConnection(null); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> values(List<Journal.Entry> entries) {
        return entries.stream().map(entry -> entry.file().value()).sorted().toList();
    }
}
