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
                Journal.NONE, 100_000, Duration.ZERO, Duration.ofMinutes(1), Pacing.WINDOW);
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

    /** A commit that follows the first within the window is checked with it: one check, one statement. */
    @Test
    void commitsWithinTheWindowAreCheckedInOneRound() throws Exception {
        DeletionQueue coalescing = new DeletionQueue(roots(), check, new SafeDeleter(roots(), false, counters, 1,
                Duration.ZERO), counters, Journal.NONE, 100_000, Duration.ZERO, Duration.ofMinutes(1),
                Duration.ofSeconds(1));
        coalescing.watch("factory", "h2", database, List.of(DOCUMENT));
        Files.writeString(root.resolve("first.txt"), "x");
        Files.writeString(root.resolve("second.txt"), "x");

        coalescing.submit(CommittedFiles.unjournaled(List.of(released("first.txt"))));
        Thread.sleep(100);
        coalescing.submit(CommittedFiles.unjournaled(List.of(released("second.txt"))));

        assertTrue(coalescing.awaitIdle(LONG_ENOUGH));
        assertEquals(2, counters.deleted());
        assertEquals(1, database.opened.get());
        assertEquals(1, counters.referenceQueries());
    }

    /**
     * A check costs about the same for one file as for many: after a slow one the worker rests as long as it took,
     * and the commits that arrive meanwhile, even far apart, are checked together.
     */
    @Test
    void afterASlowCheckTheCommitsOfTheRestAreCheckedTogether() throws Exception {
        DeletionQueue resting = restingAfterASlowCheck();
        resting.submit(CommittedFiles.unjournaled(List.of(released("a.txt"))));
        Thread.sleep(200);
        resting.submit(CommittedFiles.unjournaled(List.of(released("b.txt"))));

        assertTrue(resting.awaitIdle(LONG_ENOUGH));
        assertEquals(3, counters.deleted());
        assertEquals(2, database.opened.get());
        assertEquals(2, counters.referenceQueries());
    }

    /** Whoever waits for the queue (a SessionFactory closing, the exit hook) does not wait for the rest to end. */
    @Test
    void waitingForTheQueueCutsTheRestShort() throws Exception {
        DeletionQueue resting = restingAfterASlowCheck();
        resting.submit(CommittedFiles.unjournaled(List.of(released("a.txt"))));

        assertTrue(resting.awaitIdle(Pacing.MAX_REST.dividedBy(2)));
        assertEquals(2, counters.deleted());
    }

    /** A queue whose first check took as long as the longest rest, which has just begun. */
    private DeletionQueue restingAfterASlowCheck() throws Exception {
        DeletionQueue resting = new DeletionQueue(roots(), check, new SafeDeleter(roots(), false, counters, 1,
                Duration.ZERO), counters, Journal.NONE, 100_000, Duration.ZERO, Duration.ofMinutes(1),
                Duration.ofMillis(1));
        resting.watch("factory", "h2", database.blockedBy(gate), List.of(DOCUMENT));
        for (String name : List.of("slow.txt", "a.txt", "b.txt")) {
            Files.writeString(root.resolve(name), "x");
        }
        resting.submit(CommittedFiles.unjournaled(List.of(released("slow.txt"))));
        assertTrue(database.awaitBlocked());
        Thread.sleep(Pacing.MAX_REST.toMillis());
        gate.countDown();
        awaitDeleted(1);
        return resting;
    }

    /** With a journal shared by several JVMs, the commits of the window are claimed from it in one round. */
    @Test
    void theCommitsOfTheWindowAreClaimedFromASharedJournalInOneRound() throws Exception {
        SharedJournal journal = new SharedJournal();
        DeletionQueue shared = new DeletionQueue(roots(), check, new SafeDeleter(roots(), false, counters, 1,
                Duration.ZERO), counters, journal, 100_000, Duration.ZERO, Duration.ofMinutes(1),
                Duration.ofSeconds(1));
        shared.watch("factory", "h2", database, List.of(DOCUMENT));
        Files.writeString(root.resolve("a.txt"), "x");
        Files.writeString(root.resolve("b.txt"), "x");

        shared.submit(journal.commit(released("a.txt")));
        Thread.sleep(100);
        shared.submit(journal.commit(released("b.txt")));

        awaitDeleted(2);
        assertEquals(1, journal.claims.get());
        assertEquals(1, database.opened.get());
    }

    /** The window closes early once a batch is full: a burst is not held back for the whole window. */
    @Test
    void aFullBatchDoesNotWaitForTheWindow() throws Exception {
        DeletionQueue coalescing = new DeletionQueue(roots(), check, new SafeDeleter(roots(), false, counters, 1,
                Duration.ZERO), counters, Journal.NONE, 100_000, Duration.ZERO, Duration.ofMinutes(1),
                Duration.ofMinutes(1));
        coalescing.watch("factory", "h2", database, List.of(DOCUMENT));
        for (int commit = 0; commit < 5; commit++) {
            List<ReleasedFile> files = new java.util.ArrayList<>();
            for (int i = 0; i < DeletionQueue.BATCH / 5; i++) {
                files.add(released("gone-" + commit + "-" + i + ".txt"));
            }
            coalescing.submit(CommittedFiles.unjournaled(files));
        }
        assertTrue(coalescing.awaitIdle(LONG_ENOUGH));
        assertEquals(DeletionQueue.BATCH, counters.alreadyGone());
    }

    /** One transaction larger than a batch is checked in rounds of a batch, each one statement per column. */
    @Test
    void aTransactionLargerThanABatchIsCheckedInRoundsOfABatch() throws Exception {
        watch(database);
        List<ReleasedFile> files = new java.util.ArrayList<>();
        for (int i = 0; i <= DeletionQueue.BATCH; i++) {
            Files.writeString(root.resolve("f" + i + ".txt"), "x");
            files.add(released("f" + i + ".txt"));
        }
        database.execute("insert into document values ('f7.txt')");

        queue.submit(CommittedFiles.unjournaled(files));

        assertTrue(queue.awaitIdle(LONG_ENOUGH));
        assertEquals(DeletionQueue.BATCH, counters.deleted());
        assertEquals(1, counters.kept());
        assertTrue(Files.exists(root.resolve("f7.txt")));
        assertEquals(2, database.opened.get());
        assertEquals(2, counters.referenceQueries());
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

    /**
     * Files of a rolled-back transaction go through the reference check (a retry committed a row naming one), and
     * one written again after the rollback (a retry's new upload) is kept.
     */
    @Test
    void rolledBackFilesAreCheckedAndOneWrittenAgainSinceTheRollbackIsKept() throws Exception {
        long rolledBackAt = System.currentTimeMillis() - 60_000;
        for (String name : List.of("orphan.txt", "retried.txt", "uploaded-again.txt")) {
            Files.writeString(root.resolve(name), "x");
            Files.setLastModifiedTime(root.resolve(name),
                    java.nio.file.attribute.FileTime.fromMillis(rolledBackAt - 1_000));
        }
        Files.setLastModifiedTime(root.resolve("uploaded-again.txt"),
                java.nio.file.attribute.FileTime.fromMillis(rolledBackAt + 1_000));
        database.execute("insert into document values ('retried.txt')");
        watch(database);

        queue.submitRolledBack(List.of(written("orphan.txt"), written("retried.txt"), written("uploaded-again.txt")),
                rolledBackAt);

        assertTrue(queue.awaitIdle(LONG_ENOUGH));
        assertFalse(Files.exists(root.resolve("orphan.txt")));
        assertTrue(Files.exists(root.resolve("retried.txt")));
        assertTrue(Files.exists(root.resolve("uploaded-again.txt")));
        assertEquals(0, counters.released());
        assertEquals(3, counters.rolledBack());
        assertEquals(1, counters.kept(Counters.Kept.STILL_REFERENCED));
        assertEquals(1, counters.kept(Counters.Kept.CHANGED));
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
                Duration.ofMinutes(1), Pacing.WINDOW);
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

    /** A journal that other JVMs would drain too, in memory: committed entries are only claimed, never held. */
    private static final class SharedJournal implements Journal {
        final java.util.concurrent.atomic.AtomicInteger claims = new java.util.concurrent.atomic.AtomicInteger();
        private final List<Entry> rows = new java.util.ArrayList<>();
        private long next = 1;

        synchronized CommittedFiles commit(ReleasedFile file) {
            rows.add(new Entry(next, file, 0));
            return new CommittedFiles(List.of(file), new long[] {next++});
        }

        @Override
        public boolean shared() {
            return true;
        }

        @Override
        public long[] committing(Object session, List<ReleasedFile> files) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void completed(long[] entries, boolean committed) {
        }

        @Override
        public synchronized void settle(long entry) {
            rows.removeIf(row -> row.number() == entry);
        }

        @Override
        public void failed(long entry, String reason) {
            settle(entry);
        }

        @Override
        public synchronized int replay(long after, int limit, java.util.function.Consumer<Entry> sink) {
            List<Entry> claimed = rows.stream().filter(row -> row.number() > after).limit(limit).toList();
            if (!claimed.isEmpty()) {
                claims.incrementAndGet();
            }
            claimed.forEach(sink);
            return claimed.size();
        }

        @Override
        public void roundDone() {
        }

        @Override
        public void close() {
        }
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

    private static ReleasedFile written(String value) {
        return new ReleasedFile(value, "Document", "filePath", ReleasedFile.Cause.WRITTEN, "document.file_path", null);
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
