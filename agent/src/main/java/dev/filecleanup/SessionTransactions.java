package dev.filecleanup;

import com.blogspot.mydailyjava.weaklockfree.WeakConcurrentMap;

/**
 * Holds each session's released values until its transaction completes. Keys are the Hibernate sessions
 * themselves, weakly and by identity, so a session that is dropped mid-transaction leaks nothing.
 */
final class SessionTransactions {
    private final WeakConcurrentMap<Object, TransactionFiles> pending =
            new WeakConcurrentMap.WithInlinedExpunction<>();
    private final DeletionQueue queue;

    SessionTransactions(DeletionQueue queue) {
        this.queue = queue;
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
    void began(Object session) {
        TransactionFiles stale = pending.remove(session);
        if (stale != null) {
            Log.info("kept {} file(s) released by an earlier transaction that did not commit", stale.snapshot().size());
        }
    }

    void completed(Object session, boolean committed) {
        TransactionFiles files = pending.remove(session);
        if (files == null) {
            return;
        }
        if (committed) {
            queue.submit(files.snapshot());
        } else {
            Log.debug("transaction rolled back; keeping {} file(s)", files.snapshot().size());
        }
    }

    int pendingSessions() {
        return pending.approximateSize();
    }
}
