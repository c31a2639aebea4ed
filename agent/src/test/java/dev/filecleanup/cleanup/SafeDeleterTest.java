package dev.filecleanup.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filecleanup.capture.ReleasedFile;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeDeleterTest {
    @TempDir
    Path root;
    private final Counters counters = new Counters();
    private final AtomicInteger unlinks = new AtomicInteger();
    private Path file;

    @BeforeEach
    void upload() throws IOException {
        file = Files.writeString(root.resolve("a.txt"), "x");
    }

    @Test
    void aFileInsideTheRootsIsDeleted() {
        deleter(false, Files::deleteIfExists).delete(released("a.txt"));
        assertFalse(Files.exists(file));
        assertEquals(1, counters.deleted());
    }

    @Test
    void aDryRunCountsTheDeletionAndLeavesTheFile() {
        deleter(true, Files::deleteIfExists).delete(released("a.txt"));
        assertTrue(Files.exists(file));
        assertEquals(1, counters.deleted());
        assertEquals(0, unlinks.get());
    }

    @Test
    void accessDeniedFailsAtOnceWithoutRetrying() {
        String reason = deleter(false, path -> {
            throw new AccessDeniedException(path.toString());
        }).delete(released("a.txt"));
        assertEquals("permission denied", reason);
        assertEquals(1, unlinks.get());
        assertEquals(1, counters.failed());
        assertEquals(0, counters.deleted());
    }

    /** What unlinking in an immutable folder gives, even to root. */
    @Test
    void operationNotPermittedFailsAtOnceToo() {
        String reason = deleter(false, path -> {
            throw new java.nio.file.FileSystemException(path.toString(), null, "Operation not permitted");
        }).delete(released("a.txt"));
        assertEquals("operation not permitted", reason);
        assertEquals(1, unlinks.get());
        assertEquals(0, counters.retried());
    }

    /** A storage error that clears after two attempts: the third deletes the file. */
    @Test
    void otherStorageErrorsAreRetriedUntilTheLastAttempt() {
        AtomicInteger failuresLeft = new AtomicInteger(ATTEMPTS - 1);
        deleter(false, path -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IOException("device busy");
            }
            Files.delete(path);
        }).delete(released("a.txt"));
        assertFalse(Files.exists(file));
        assertEquals(ATTEMPTS, unlinks.get());
        assertEquals(1, counters.deleted());
        assertEquals(ATTEMPTS - 1, counters.retried());
    }

    @Test
    void aStorageErrorAtEveryAttemptIsAFailure() {
        deleter(false, path -> {
            throw new IOException("device busy");
        }).delete(released("a.txt"));
        assertTrue(Files.exists(file));
        assertEquals(ATTEMPTS, unlinks.get());
        assertEquals(1, counters.failed());
    }

    @Test
    void missingFilesAreAlreadyGoneAndRefusalsTouchNothing() {
        SafeDeleter deleter = deleter(false, Files::deleteIfExists);
        deleter.delete(released("never-there.txt"));
        deleter.delete(released("../outside.txt"));
        assertEquals(1, counters.alreadyGone());
        assertEquals(1, counters.refused());
        assertEquals(0, unlinks.get());
    }

    private static final int ATTEMPTS = 3;

    private SafeDeleter deleter(boolean dryRun, SafeDeleter.Unlink unlink) {
        return new SafeDeleter(new StorageRoots(List.of(root)), dryRun, counters, ATTEMPTS, Duration.ofMillis(1),
                path -> {
            unlinks.incrementAndGet();
            unlink.delete(path);
        });
    }

    private static ReleasedFile released(String value) {
        return new ReleasedFile(value, "Document", "filePath", ReleasedFile.Cause.REMOVED, "document.file_path", null);
    }
}
