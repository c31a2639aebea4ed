package dev.filecleanup.capture;

import com.blogspot.mydailyjava.weaklockfree.WeakConcurrentMap;
import dev.filecleanup.Log;
import java.util.List;
import java.util.function.Consumer;

/**
 * Holds each session's released values until its transaction completes, then hands a commit's values over and
 * drops anything else. Keys are the Hibernate sessions themselves, weakly and by identity, so a session that is
 * dropped mid-transaction leaks nothing.
 */
public final class SessionTransactions {
    private final WeakConcurrentMap<Object, TransactionFiles> pending =
            new WeakConcurrentMap.WithInlinedExpunction<>();
    private final Consumer<List<ReleasedFile>> committed;

    /** {@code committed} receives the values of each committed transaction; it must not block or throw. */
    public SessionTransactions(Consumer<List<ReleasedFile>> committed) {
        this.committed = committed;
    }

    void record(Object session, ReleasedFile file) {
        TransactionFiles files = pending.get(session);
        if (files == null) {
            files = new TransactionFiles();
            TransactionFiles raced = pending.putIfProbablyAbsent(session, files);
            if (raced != null) {
                files = raced;
            }
        }
        files.add(file);
        Log.debug("captured {} ({})", file.value(), file.origin());
    }

    /**
     * A transaction begins: whatever is still held for this session belongs to an earlier transaction that
     * never completed successfully (before HHH-20336 a failed commit runs no completion callback), so drop it.
     */
    public void began(Object session) {
        TransactionFiles stale = pending.remove(session);
        if (stale != null) {
            Log.info("kept {} file(s) released by an earlier transaction that did not commit", stale.snapshot().size());
        }
    }

    public void completed(Object session, boolean successful) {
        TransactionFiles files = pending.remove(session);
        if (files == null) {
            return;
        }
        if (successful) {
            committed.accept(files.snapshot());
        } else {
            Log.debug("transaction rolled back; keeping {} file(s)", files.snapshot().size());
        }
    }

    int pendingSessions() {
        return pending.approximateSize();
    }
}
