package dev.filecleanup.cleanup;

import dev.filecleanup.Log;
import dev.filecleanup.capture.ReleasedFile;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Deletes one released file if the storage roots allow it, and logs one line with the outcome. */
final class SafeDeleter {
    static final int ATTEMPTS = 3;

    /** The unlink itself; tests replace it to simulate storage errors. */
    interface Unlink {
        void delete(Path file) throws IOException;
    }

    private final StorageRoots roots;
    private final boolean dryRun;
    private final Counters counters;
    private final Unlink unlink;

    SafeDeleter(StorageRoots roots, boolean dryRun, Counters counters) {
        this(roots, dryRun, counters, Files::deleteIfExists);
    }

    SafeDeleter(StorageRoots roots, boolean dryRun, Counters counters, Unlink unlink) {
        this.roots = roots;
        this.dryRun = dryRun;
        this.counters = counters;
        this.unlink = unlink;
    }

    /**
     * Deletes the file a value names, resolving it once more: the file may have changed since it was checked. A
     * value that no longer resolves to a file we may delete is only reported.
     */
    void delete(ReleasedFile file) {
        StorageRoots.Resolution resolution = roots.resolve(file.value());
        if (resolution.refusal() != null || resolution.missing()) {
            report(file, resolution);
            return;
        }
        if (dryRun) {
            counters.countDeleted();
            Log.info("dry run: would delete {} ({})", resolution.file(), file.origin());
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                unlink.delete(resolution.file());
                counters.countDeleted();
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

    /** Logs and counts a value that names nothing to delete: refused, or already gone. Deletes nothing. */
    void report(ReleasedFile file, StorageRoots.Resolution resolution) {
        if (resolution.refusal() != null) {
            counters.countRefused();
            Log.warn("refused to delete '{}' ({}): {}", file.value(), file.origin(), resolution.refusal());
        } else {
            counters.countAlreadyGone();
            Log.info("already gone {} ({})", resolution.file(), file.origin());
        }
    }

    private void fail(ReleasedFile file, StorageRoots.Resolution resolution, String reason) {
        counters.countFailed();
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
