package dev.filecleanup.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filecleanup.capture.ReleasedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeletionQueueTest {
    private static final Duration LONG_ENOUGH = Duration.ofSeconds(10);

    @TempDir
    Path root;
    private final Counters counters = new Counters();
    private ReferenceCheck check;
    private DeletionQueue queue;

    @BeforeEach
    void queue() {
        StorageRoots roots = new StorageRoots(List.of(root));
        check = new ReferenceCheck(roots, 1);
        queue = new DeletionQueue(check, new SafeDeleter(roots, false, counters), counters);
    }

    @Test
    void deletesWhatNoRowHoldsAndKeepsTheRest() throws Exception {
        Files.writeString(root.resolve("free.txt"), "x");
        Files.writeString(root.resolve("held.txt"), "x");
        check.register("factory", new Lookup(Set.of("held.txt")));

        queue.submit(List.of(released("free.txt"), released("held.txt")));

        assertTrue(queue.awaitIdle(LONG_ENOUGH));
        assertFalse(Files.exists(root.resolve("free.txt")));
        assertTrue(Files.exists(root.resolve("held.txt")));
        assertEquals(2, counters.released());
        assertEquals(1, counters.deleted());
        assertEquals(1, counters.kept());
    }

    @Test
    void aFileHeldUnderAnotherSpellingIsKept() throws Exception {
        Files.writeString(root.resolve("same.txt"), "x");
        check.register("factory", new Lookup(Set.of(root.resolve("same.txt").toString())));

        queue.submit(List.of(released("./same.txt")));

        assertTrue(queue.awaitIdle(LONG_ENOUGH));
        assertTrue(Files.exists(root.resolve("same.txt")));
        assertEquals(1, counters.kept());
    }

    @Test
    void everyOpenFactoryIsAsked() throws Exception {
        Files.writeString(root.resolve("other-db.txt"), "x");
        check.register("first", new Lookup(Set.of()));
        check.register("second", new Lookup(Set.of("other-db.txt")));

        queue.submit(List.of(released("other-db.txt")));

        assertTrue(queue.awaitIdle(LONG_ENOUGH));
        assertTrue(Files.exists(root.resolve("other-db.txt")));
    }

    @Test
    void whenReferencesCannotBeCheckedTheFilesAreKept() throws Exception {
        Files.writeString(root.resolve("unknown.txt"), "x");
        AtomicInteger attempts = new AtomicInteger();
        check.register("broken", values -> {
            attempts.incrementAndGet();
            throw new SQLException("database is down");
        });

        queue.submit(List.of(released("unknown.txt")));

        assertTrue(queue.awaitIdle(LONG_ENOUGH));
        assertTrue(Files.exists(root.resolve("unknown.txt")));
        assertEquals(ReferenceCheck.ATTEMPTS, attempts.get());
        assertEquals(1, counters.kept());
    }

    @Test
    void withoutAnOpenFactoryNothingIsDeleted() throws Exception {
        Files.writeString(root.resolve("orphan.txt"), "x");
        queue.submit(List.of(released("orphan.txt")));
        assertTrue(queue.awaitIdle(LONG_ENOUGH));
        assertTrue(Files.exists(root.resolve("orphan.txt")));
        assertEquals(1, counters.kept());
    }

    /**
     * While the first transaction's check is blocked, 49 more commit. They must all be checked in one more round:
     * exactly two checks in all, the second one asked about every value of the 49.
     */
    @Test
    void transactionsQueuedWhileACheckRunsAreCheckedTogether() throws Exception {
        BlockingLookup lookup = new BlockingLookup();
        check.register("factory", lookup);
        queue.submit(List.of(released("t0.txt")));
        assertTrue(lookup.entered.await(10, TimeUnit.SECONDS));
        List<String> later = new ArrayList<>();
        for (int i = 1; i < 50; i++) {
            queue.submit(List.of(released("t" + i + ".txt"), released("shared.txt")));
            later.add("t" + i + ".txt");
        }
        later.add("shared.txt");
        lookup.release.countDown();

        assertTrue(queue.awaitIdle(LONG_ENOUGH));
        assertEquals(2, lookup.calls.size());
        assertTrue(lookup.calls.get(1).containsAll(later), lookup.calls.get(1).toString());
        assertEquals(0, queue.pending());
        assertEquals(1 + 2 * 49, counters.released());
        assertEquals(51, counters.alreadyGone(), "every distinct value was processed once");
    }

    /** What a SessionFactory's close and the exit hook rely on: waiting ends when the work is done, not before. */
    @Test
    void awaitingIdleWaitsForABlockedCheckAndGivesUpAtTheTimeout() throws Exception {
        Files.writeString(root.resolve("slow.txt"), "x");
        BlockingLookup lookup = new BlockingLookup();
        check.register("factory", lookup);
        queue.submit(List.of(released("slow.txt")));
        assertTrue(lookup.entered.await(10, TimeUnit.SECONDS));

        assertFalse(queue.awaitIdle(Duration.ofMillis(200)));
        assertEquals(1, queue.pending());
        assertTrue(Files.exists(root.resolve("slow.txt")));

        new Thread(() -> {
            sleep(300);
            lookup.release.countDown();
        }).start();
        assertTrue(queue.awaitIdle(LONG_ENOUGH));
        assertFalse(Files.exists(root.resolve("slow.txt")));
    }

    private static ReleasedFile released(String value) {
        return new ReleasedFile(value, "Document", "filePath", ReleasedFile.Cause.REMOVED);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Rows that hold exactly these values. */
    private record Lookup(Set<String> held) implements ReferenceLookup {
        @Override
        public Set<String> stillReferenced(Collection<String> values) {
            Set<String> referenced = new HashSet<>(values);
            referenced.retainAll(held);
            return referenced;
        }
    }

    /** Holds no value, and blocks its first call until released; records what each call was asked. */
    private static final class BlockingLookup implements ReferenceLookup {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Set<String>> calls = new CopyOnWriteArrayList<>();

        @Override
        public Set<String> stillReferenced(Collection<String> values) throws InterruptedException {
            calls.add(Set.copyOf(values));
            entered.countDown();
            release.await();
            return Set.of();
        }
    }
}
