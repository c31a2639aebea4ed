package dev.filecleanup.capture;

import com.blogspot.mydailyjava.weaklockfree.WeakConcurrentMap;
import dev.filecleanup.Log;
import dev.filecleanup.journal.Journal;
import java.util.List;
import java.util.function.Consumer;

/**
 * Holds each session's released values until its transaction completes, then hands a commit's values over and
 * drops anything else. Just before the commit, after the last flush, they are written to the journal. Keys are
 * the Hibernate sessions themselves, weakly and by identity, so a session that is dropped mid-transaction leaks
 * nothing.
 */
public final class SessionTransactions {
    private final WeakConcurrentMap<Object, TransactionFiles> pending =
            new WeakConcurrentMap.WithInlinedExpunction<>();
    private final Journal journal;
    private final Consumer<CommittedFiles> committed;

    /** {@code committed} receives the values of each committed transaction; it must not block or throw. */
    public SessionTransactions(Journal journal, Consumer<CommittedFiles> committed) {
        this.journal = journal;
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
     * Its journal entries stay: whether it committed is unknown, and replay checks the rows again.
     */
    public void began(Object session) {
        TransactionFiles stale = pending.remove(session);
        if (stale != null) {
            journal.completed(stale.entries(), true);
            Log.info("kept {} file(s) released by an earlier transaction that did not commit", stale.snapshot().size());
        }
    }

    /** The session's transaction is about to commit, its flushes done: its values are made durable first. */
    public void committing(Object session) {
        TransactionFiles files = pending.get(session);
        if (files != null) {
            committing(session, files);
        }
    }

    public void completed(Object session, boolean successful) {
        TransactionFiles files = pending.remove(session);
        if (files == null) {
            return;
        }
        if (successful) {
            if (!journal.shared()) {
                // Captured after the journal write (Hibernate itself does not do that): journaled late, not lost.
                committing(session, files);
            }
            committed.accept(new CommittedFiles(files.snapshot(), files.entries()));
        } else {
            journal.completed(files.entries(), false);
            Log.debug("transaction rolled back; keeping {} file(s)", files.snapshot().size());
        }
    }

    private void committing(Object session, TransactionFiles files) {
        List<ReleasedFile> unjournaled = files.unjournaled();
        if (!unjournaled.isEmpty()) {
            files.journaled(unjournaled, journal.committing(session, unjournaled));
        }
    }

    int pendingSessions() {
        return pending.approximateSize();
    }
}
