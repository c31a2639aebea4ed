package dev.filecleanup.cleanup;

import dev.filecleanup.Log;
import dev.filecleanup.capture.ReleasedFile;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Deletes one released file if the storage roots allow it, and logs one line with the outcome. A storage error
 * is retried with a pause that doubles each time, unless it cannot pass (permission denied, operation not
 * permitted); the last failure
 * is reported once, with its reason.
 */
final class SafeDeleter {
    private static final String NOT_PERMITTED = "Operation not permitted";

    /** The unlink itself; tests replace it to simulate storage errors. */
    interface Unlink {
        void delete(Path file) throws IOException;
    }

    private final StorageRoots roots;
    private final boolean dryRun;
    private final Counters counters;
    private final Unlink unlink;
    private final int attempts;
    private final Duration firstPause;

    SafeDeleter(StorageRoots roots, boolean dryRun, Counters counters, int attempts, Duration firstPause) {
        this(roots, dryRun, counters, attempts, firstPause, Files::deleteIfExists);
    }

    SafeDeleter(StorageRoots roots, boolean dryRun, Counters counters, int attempts, Duration firstPause,
                Unlink unlink) {
        this.roots = roots;
        this.dryRun = dryRun;
        this.counters = counters;
        this.attempts = attempts;
        this.firstPause = firstPause;
        this.unlink = unlink;
    }

    /**
     * Deletes the file a value names, resolving it once more: the file may have changed since it was checked. A
     * value that no longer resolves to a file we may delete is only reported. Returns why the deletion failed, or
     * null when the value is dealt with.
     */
    String delete(ReleasedFile file) {
        return delete(file.value(), file.origin());
    }

    /** As {@link #delete(ReleasedFile)}, for a value that no transaction released: {@code origin} says why it goes. */
    String delete(String value, String origin) {
        StorageRoots.Resolution resolution = roots.resolve(value);
        if (resolution.refusal() != null || resolution.missing()) {
            report(value, origin, resolution);
            return null;
        }
        if (dryRun) {
            counters.countDeleted();
            Log.info("dry run: would delete {} ({})", resolution.file(), origin);
            return null;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                unlink.delete(resolution.file());
                counters.countDeleted();
                Log.info("deleted {} ({})", resolution.file(), origin);
                return null;
            } catch (AccessDeniedException e) {
                return fail(origin, resolution, "permission denied", attempt);
            } catch (FileSystemException e) {
                if (NOT_PERMITTED.equals(e.getReason()) || attempt >= attempts) {
                    // EPERM (an immutable file or folder, a sticky folder) is no more passing than EACCES.
                    return fail(origin, resolution, NOT_PERMITTED.equals(e.getReason()) ? "operation not permitted"
                            : e.toString(), attempt);
                }
                retry(resolution, attempt, e);
            } catch (IOException | SecurityException e) {
                if (attempt >= attempts) {
                    return fail(origin, resolution, e.toString(), attempt);
                }
                retry(resolution, attempt, e);
            }
        }
    }

    private void retry(StorageRoots.Resolution resolution, int attempt, Exception e) {
        counters.countRetried();
        Log.debug("deleting {} failed (attempt {} of {}), retrying: {}", resolution.file(), attempt, attempts,
                e.toString());
        pause(firstPause.toMillis() << Math.min(attempt - 1, 20));
    }

    /** Logs and counts a value that names nothing to delete: refused, or already gone. Deletes nothing. */
    void report(ReleasedFile file, StorageRoots.Resolution resolution) {
        report(file.value(), file.origin(), resolution);
    }

    private void report(String value, String origin, StorageRoots.Resolution resolution) {
        if (resolution.refusal() != null) {
            counters.countRefused(resolution.kind(),
                    "'" + value + "' (" + origin + "): " + resolution.refusal());
            Log.warn("refused to delete '{}' ({}): {}", value, origin, resolution.refusal());
        } else {
            counters.countAlreadyGone();
            Log.info("already gone {} ({})", resolution.file(), origin);
        }
    }

    private String fail(String origin, StorageRoots.Resolution resolution, String reason, int attempt) {
        counters.countFailed(resolution.file() + " (" + origin + ") after " + attempt + " attempt(s): "
                + reason);
        Log.error("could not delete {} ({}) after {} attempt(s): {}", resolution.file(), origin, attempt,
                reason);
        return reason;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
