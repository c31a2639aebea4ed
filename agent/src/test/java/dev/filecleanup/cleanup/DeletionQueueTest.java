package dev.filecleanup.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filecleanup.capture.ReleasedFile;
import dev.filecleanup.catalog.FileColumn;
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
    private final Counters counters = new Counters();
    private final CountDownLatch gate = new CountDownLatch(1);
    private H2Model database;
    private ReferenceCheck check;
    private DeletionQueue queue;

    @BeforeEach
    void queue() throws SQLException {
        StorageRoots roots = new StorageRoots(List.of(root));
        check = new ReferenceCheck(roots, 1);
        queue = new DeletionQueue(roots, check, new SafeDeleter(roots, false, counters), counters);
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

        queue.submit(List.of(released("free.txt"), released("held.txt")));

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
        queue.submit(List.of(released("gone.txt"), released("../outside.txt"), released("gone.txt")));
        assertTrue(queue.awaitIdle(LONG_ENOUGH));
        assertEquals(1, counters.alreadyGone());
        assertEquals(1, counters.refused());
        assertEquals(0, counters.referenceQueries());
    }

    @Test
    void twoSpellingsOfOneFileAreOneFileToCheckAndDelete() throws Exception {
        Files.writeString(root.resolve("one.txt"), "x");
        watch(database);
        queue.submit(List.of(released("one.txt"), released("./one.txt"), released(root.resolve("one.txt") + "")));
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
        queue.submit(List.of(released("t0.txt")));
        assertTrue(database.awaitBlocked());
        for (int i = 1; i < 50; i++) {
            queue.submit(List.of(released("t" + i + ".txt")));
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
        queue.submit(List.of(released("slow.txt")));
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
        queue.submit(List.of(released("after.txt")));
        assertTrue(queue.awaitIdle(LONG_ENOUGH));
        assertFalse(Files.exists(root.resolve("after.txt")));
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
