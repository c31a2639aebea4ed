package dev.filecleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeletionQueueTest {
    @TempDir
    Path root;
    private SafeDeleter deleter;
    private DeletionQueue queue;

    @BeforeEach
    void queue() {
        deleter = new SafeDeleter(new StorageRoots(List.of(root)), false);
        queue = new DeletionQueue(deleter, 1);
    }

    @Test
    void deletesWhatNoRowHoldsAndKeepsTheRest() throws Exception {
        Files.writeString(root.resolve("free.txt"), "x");
        Files.writeString(root.resolve("held.txt"), "x");
        CountingLookup lookup = new CountingLookup(Set.of("held.txt"));
        queue.register("factory", lookup);

        queue.submit(List.of(released("free.txt"), released("held.txt")));

        assertTrue(queue.awaitIdle(Duration.ofSeconds(5)));
        assertFalse(Files.exists(root.resolve("free.txt")));
        assertTrue(Files.exists(root.resolve("held.txt")));
        assertEquals(1, deleter.deleted.get());
        assertEquals(1, queue.kept.get());
    }

    @Test
    void aFileHeldUnderAnotherSpellingIsKept() throws Exception {
        Files.writeString(root.resolve("same.txt"), "x");
        queue.register("factory", new CountingLookup(Set.of(root.resolve("same.txt").toString())));

        queue.submit(List.of(released("./same.txt")));

        assertTrue(queue.awaitIdle(Duration.ofSeconds(5)));
        assertTrue(Files.exists(root.resolve("same.txt")));
        assertEquals(1, queue.kept.get());
    }

    @Test
    void everyOpenFactoryIsAsked() throws Exception {
        Files.writeString(root.resolve("other-db.txt"), "x");
        queue.register("first", new CountingLookup(Set.of()));
        queue.register("second", new CountingLookup(Set.of("other-db.txt")));

        queue.submit(List.of(released("other-db.txt")));

        assertTrue(queue.awaitIdle(Duration.ofSeconds(5)));
        assertTrue(Files.exists(root.resolve("other-db.txt")));
    }

    @Test
    void whenReferencesCannotBeCheckedTheFilesAreKept() throws Exception {
        Files.writeString(root.resolve("unknown.txt"), "x");
        AtomicInteger attempts = new AtomicInteger();
        queue.register("broken", new ReferenceLookup() {
            @Override
            public Set<String> stillReferenced(Collection<String> values) throws Exception {
                attempts.incrementAndGet();
                throw new java.sql.SQLException("database is down");
            }

            @Override
            public long statementsRun() {
                return 0;
            }
        });

        queue.submit(List.of(released("unknown.txt")));

        assertTrue(queue.awaitIdle(Duration.ofSeconds(5)));
        assertTrue(Files.exists(root.resolve("unknown.txt")));
        assertEquals(5, attempts.get());
        assertEquals(1, queue.kept.get());
    }

    @Test
    void withoutAnOpenFactoryNothingIsDeleted() throws Exception {
        Files.writeString(root.resolve("orphan.txt"), "x");
        queue.submit(List.of(released("orphan.txt")));
        assertTrue(queue.awaitIdle(Duration.ofSeconds(5)));
        assertTrue(Files.exists(root.resolve("orphan.txt")));
    }

    @Test
    void transactionsQueuedTogetherAreCheckedTogether() throws Exception {
        CountingLookup lookup = new CountingLookup(Set.of());
        queue.register("factory", lookup);
        for (int i = 0; i < 50; i++) {
            queue.submit(List.of(released("t" + i + ".txt"), released("shared.txt")));
        }
        assertTrue(queue.awaitIdle(Duration.ofSeconds(5)));
        assertTrue(lookup.calls.get() <= 50);
        assertEquals(2 * 51, lookup.seen.size(), "51 values, each as stored and as an absolute path");
        assertEquals(0, queue.pending());
    }

    private static ReleasedFile released(String value) {
        return new ReleasedFile(value, "Document", "filePath", ReleasedFile.Cause.REMOVED);
    }

    private static final class CountingLookup implements ReferenceLookup {
        private final Set<String> held;
        final AtomicInteger calls = new AtomicInteger();
        final Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();

        CountingLookup(Set<String> held) {
            this.held = held;
        }

        @Override
        public Set<String> stillReferenced(Collection<String> values) {
            calls.incrementAndGet();
            seen.addAll(values);
            Set<String> referenced = new HashSet<>(values);
            referenced.retainAll(held);
            return referenced;
        }

        @Override
        public long statementsRun() {
            return calls.get();
        }
    }
}
