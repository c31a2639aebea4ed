package dev.filecleanup.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filecleanup.capture.CommittedFiles;
import dev.filecleanup.capture.ReleasedFile;
import dev.filecleanup.catalog.FileColumn;
import dev.filecleanup.journal.FileJournal;
import dev.filecleanup.journal.Journal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeletionQueueTest {
    private static final Duration LONG_ENOUGH = Duration.ofSeconds(10);
    private static final FileColumn DOCUMENT = new FileColumn("document", "file_path", false, String.class, null);

    @TempDir
    Path root;
    @TempDir
    Path journalDirectory;
    private final Counters counters = new Counters();
    private final CountDownLatch gate = new CountDownLatch(1);
    private H2Model database;
    private ReferenceCheck check;
    private DeletionQueue queue;

    @BeforeEach
    void queue() throws SQLException {
        StorageRoots roots = new StorageRoots(List.of(root));
        check = new ReferenceCheck(roots, 1);
        queue = new DeletionQueue(roots, check, new SafeDeleter(roots, false, counters, 3, Duration.ofMillis(1)),
                counters,
                Journal.NONE, 100_000, Duration.ZERO, Duration.ofMinutes(1));
        database = new H2Model("queue", List.of(), "create table document (file_path varchar(200))");
    }

    @AfterEach
    void drop() throws SQLException {
        gate.countDown();
        database.close();
    }

    @Test
    void deletesWhatNoRowNamesAndKeepsTheRest() throws Exception {
        Files.writeString(root.resolve("free.txt"), "x");
        Files.writeString(root.resolve("held.txt"), "x");
        database.execute("insert into document values ('./held.txt')");
        watch(database);

        queue.submit(CommittedFiles.unjournaled(List.of(released("free.txt"), released("held.txt"))));

        assertTrue(queue.awaitIdle(LONG_ENOUGH));
        assertFalse(Files.exists(root.resolve("free.txt")));
        assertTrue(Files.exists(root.resolve("held.txt")));
        assertEquals(2, counters.released());
        assertEquals(1, counters.deleted());
        assertEquals(1, counters.kept());
    }

    @Test
    void valuesThatNeedNoCheckCostNoQuery() throws Exception {
        watch(database);
        queue.submit(CommittedFiles.unjournaled(List.of(released("gone.txt"), released("../outside.txt"),
                released("gone.txt"))));
        assertTrue(queue.awaitIdle(LONG_ENOUGH));
        assertEquals(1, counters.alreadyGone());
        assertEquals(1, counters.refused());
        assertEquals(0, counters.referenceQueries());
    }

    @Test
    void twoSpellingsOfOneFileAreOneFileToCheckAndDelete() throws Exception {
        Files.writeString(root.resolve("one.txt"), "x");
        watch(database);
        queue.submit(CommittedFiles.unjournaled(List.of(released("one.txt"), released("./one.txt"),
                released(root.resolve("one.txt") + ""))));
        assertTrue(queue.awaitIdle(LONG_ENOUGH));
        assertEquals(1, counters.deleted());
        assertEquals(0, counters.alreadyGone());
    }

    /**
     * While the first transaction's check is blocked, 49 more commit. They must all be checked in one more round:
     * exactly two checks in all, each one statement for the one column.
     */
    @Test
    void transactionsQueuedWhileACheckRunsAreCheckedTogether() throws Exception {
        watch(database.blockedBy(gate));
        for (int i = 0; i < 50; i++) {
            Files.writeString(root.resolve("t" + i + ".txt"), "x");
        }
        queue.submit(CommittedFiles.unjournaled(List.of(released("t0.txt"))));
        assertTrue(database.awaitBlocked());
        for (int i = 1; i < 50; i++) {
            queue.submit(CommittedFiles.unjournaled(List.of(released("t" + i + ".txt"))));
        }
        gate.countDown();

        assertTrue(queue.awaitIdle(LONG_ENOUGH));
        assertEquals(2, database.opened.get());
        assertEquals(2, counters.referenceQueries());
        assertEquals(50, counters.deleted());
        assertEquals(0, queue.pending());
    }

    /** What a SessionFactory's close and the exit hook rely on: waiting ends when the work is done, not before. */
    @Test
    void awaitingIdleWaitsForABlockedCheckAndGivesUpAtTheTimeout() throws Exception {
        Files.writeString(root.resolve("slow.txt"), "x");
        watch(database.blockedBy(gate));
        queue.submit(CommittedFiles.unjournaled(List.of(released("slow.txt"))));
        assertTrue(database.awaitBlocked());

        assertFalse(queue.awaitIdle(Duration.ofMillis(200)));
        assertEquals(1, queue.pending());
        assertTrue(Files.exists(root.resolve("slow.txt")));

        new Thread(() -> {
            sleep(300);
            gate.countDown();
        }).start();
        assertTrue(queue.awaitIdle(LONG_ENOUGH));
        assertFalse(Files.exists(root.resolve("slow.txt")));
    }

    /** The host may interrupt every thread it sees; the worker goes on deleting. */
    @Test
    void theWorkerSurvivesInterrupts() throws Exception {
        watch(database);
        interruptWorker();
        Files.writeString(root.resolve("after.txt"), "x");
        queue.submit(CommittedFiles.unjournaled(List.of(released("after.txt"))));
        assertTrue(queue.awaitIdle(LONG_ENOUGH));
        assertFalse(Files.exists(root.resolve("after.txt")));
    }

    /**
     * A queue with room for one file, blocked on its first check: the next commits' files wait in the journal,
     * and are taken up from there once the queue is empty again.
     */
    @Test
    void aFullQueueLeavesJournaledFilesToTheJournalAndTakesThemUpWhenItHasRoom() throws Exception {
        try (Journaled journal = new Journaled(FileJournal.open(journalDirectory))) {
            DeletionQueue small = queue(journal.it, 1, new SafeDeleter(roots(), false, counters, 1, Duration.ZERO));
            small.watch("factory", "h2", database.blockedBy(gate), List.of(DOCUMENT));
            for (int i = 0; i < 21; i++) {
                Files.writeString(root.resolve("t" + i + ".txt"), "x");
                small.submit(journal.commit(released("t" + i + ".txt")));
                if (i == 0) {
                    assertTrue(database.awaitBlocked());
                }
            }
            assertEquals(20, counters.spilled());
            gate.countDown();

            awaitDeleted(21);
            assertEquals(20, counters.replayed());
            assertEquals(0, counters.dropped());
            assertEquals(0, journal.it.waiting());
        }
    }

    @Test
    void withoutAJournalAFullQueueDropsFilesAndCountsThem() throws Exception {
        DeletionQueue small = queue(Journal.NONE, 1, new SafeDeleter(roots(), false, counters, 1, Duration.ZERO));
        small.watch("factory", "h2", database.blockedBy(gate), List.of(DOCUMENT));
        for (int i = 0; i < 3; i++) {
            Files.writeString(root.resolve("t" + i + ".txt"), "x");
            small.submit(CommittedFiles.unjournaled(List.of(released("t" + i + ".txt"))));
            if (i == 0) {
                assertTrue(database.awaitBlocked());
            }
        }
        gate.countDown();
        assertTrue(small.awaitIdle(LONG_ENOUGH));
        assertEquals(2, counters.dropped());
        assertEquals(1, counters.deleted());
        assertTrue(Files.exists(root.resolve("t1.txt")));
    }

    /** A replayed value whose file was written after its release names a new upload, not the released file. */
    @Test
    void aReplayedFileWrittenAfterItsReleaseIsKept() throws Exception {
        Path directory = journalDirectory;
        Files.writeString(root.resolve("reused.txt"), "new upload");
        Files.writeString(root.resolve("released.txt"), "x");
        FileJournal earlier = FileJournal.open(directory);
        earlier.completed(earlier.committing(null, List.of(released("reused.txt"), released("released.txt"))), true);
        earlier.close();
        Files.setLastModifiedTime(root.resolve("reused.txt"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));

        try (Journaled journal = new Journaled(FileJournal.open(directory))) {
            DeletionQueue restarted = queue(journal.it, 100, new SafeDeleter(roots(), false, counters, 1,
                    Duration.ZERO));
            restarted.watch("factory", "h2", database, List.of(DOCUMENT));
            awaitDeleted(1);
            awaitCount(() -> counters.kept(), 1);
            assertTrue(Files.exists(root.resolve("reused.txt")));
            assertFalse(Files.exists(root.resolve("released.txt")));
            assertEquals(0, journal.it.waiting());
        }
    }

    /** Permission denied is not retried; the entry stays in the journal, marked failed, and is not replayed. */
    @Test
    void aFileThatCannotBeDeletedIsKeptInTheJournalAsFailed() throws Exception {
        try (Journaled journal = new Journaled(FileJournal.open(journalDirectory))) {
            java.util.concurrent.atomic.AtomicInteger unlinks = new java.util.concurrent.atomic.AtomicInteger();
            DeletionQueue denied = queue(journal.it, 100, new SafeDeleter(roots(), false, counters, 3,
                    Duration.ZERO, path -> {
                        unlinks.incrementAndGet();
                        throw new java.nio.file.AccessDeniedException(path.toString());
                    }));
            denied.watch("factory", "h2", database, List.of(DOCUMENT));
            Files.writeString(root.resolve("stuck.txt"), "x");
            denied.submit(journal.commit(released("stuck.txt")));
            assertTrue(denied.awaitIdle(LONG_ENOUGH));
            assertEquals(1, unlinks.get());
            assertEquals(1, counters.failed());
            assertEquals(1, journal.it.failed());
            assertEquals(0, journal.it.waiting());
        }
    }

    private DeletionQueue queue(Journal journal, int capacity, SafeDeleter deleter) {
        return new DeletionQueue(roots(), check, deleter, counters, journal, capacity, Duration.ZERO,
                Duration.ofMinutes(1));
    }

    private StorageRoots roots() {
        return new StorageRoots(List.of(root));
    }

    private void awaitDeleted(long files) throws InterruptedException {
        awaitCount(counters::deleted, files);
    }

    private static void awaitCount(java.util.function.LongSupplier count, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + LONG_ENOUGH.toNanos();
        while (count.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, count.getAsLong());
    }

    /** A file journal that commits one transaction's files at a time, as SessionTransactions does. */
    private record Journaled(FileJournal it) implements AutoCloseable {
        CommittedFiles commit(ReleasedFile... files) {
            return new CommittedFiles(List.of(files), it.committing(null, List.of(files)));
        }

        @Override
        public void close() {
            it.close();
        }
    }

    private void interruptWorker() throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("file-cleanup-deleter")) {
                thread.interrupt();
            }
        }
        Thread.sleep(100);
    }

    private void watch(H2Model model) {
        queue.watch("factory", "h2", model, List.of(DOCUMENT));
    }

    private static ReleasedFile released(String value) {
        return new ReleasedFile(value, "Document", "filePath", ReleasedFile.Cause.REMOVED, "document.file_path", null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
