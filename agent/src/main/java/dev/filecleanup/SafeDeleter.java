package dev.filecleanup;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Deletes one released file if the storage roots allow it, and logs one line with the outcome. */
final class SafeDeleter {
    private static final int ATTEMPTS = 3;

    private final StorageRoots roots;
    private final boolean dryRun;
    final AtomicLong deleted = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    SafeDeleter(StorageRoots roots, boolean dryRun) {
        this.roots = roots;
        this.dryRun = dryRun;
    }

    /** The spellings of a value that the reference check must look for; see {@link StorageRoots#spellings}. */
    Set<String> spellings(String value) {
        return roots.spellings(value);
    }

    void delete(ReleasedFile file) {
        StorageRoots.Resolution resolution = roots.resolve(file.value());
        if (resolution.refusal() != null) {
            refused.incrementAndGet();
            Log.warn("refused to delete '{}' ({}): {}", file.value(), file.origin(), resolution.refusal());
            return;
        }
        if (resolution.missing()) {
            deleted.incrementAndGet();
            Log.info("already gone {} ({})", resolution.file(), file.origin());
            return;
        }
        if (dryRun) {
            deleted.incrementAndGet();
            Log.info("dry run: would delete {} ({})", resolution.file(), file.origin());
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Files.deleteIfExists(resolution.file());
                deleted.incrementAndGet();
                Log.info("deleted {} ({})", resolution.file(), file.origin());
                return;
            } catch (AccessDeniedException e) {
                fail(file, resolution, "permission denied");
                return;
            } catch (IOException | SecurityException e) {
                if (attempt == ATTEMPTS) {
                    fail(file, resolution, e.toString());
                    return;
                }
                pause(attempt);
            }
        }
    }

    private void fail(ReleasedFile file, StorageRoots.Resolution resolution, String reason) {
        failed.incrementAndGet();
        Log.error("could not delete {} ({}): {}", resolution.file(), file.origin(), reason);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
