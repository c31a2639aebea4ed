package dev.filecleanup.capture;

import com.blogspot.mydailyjava.weaklockfree.WeakConcurrentMap;
import dev.filecleanup.Log;
import dev.filecleanup.journal.Journal;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

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
    private final Consumer<List<ReleasedFile>> rolledBack;

    /** {@code committed} receives the values of each committed transaction; it must not block or throw. */
    public SessionTransactions(Journal journal, Consumer<CommittedFiles> committed) {
        this(journal, committed, null);
    }

    /**
     * {@code rolledBack} (rollback cleanup; null without it) receives the values that a transaction which did not
     * commit wrote; it must not block or throw.
     */
    public SessionTransactions(Journal journal, Consumer<CommittedFiles> committed,
                               Consumer<List<ReleasedFile>> rolledBack) {
        this.journal = journal;
        this.committed = committed;
        this.rolledBack = rolledBack;
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
        if (file.cause() == ReleasedFile.Cause.WRITTEN) {
            Log.debug("noted {} as written ({}.{})", file.value(), file.entity(), file.attribute());
        } else {
            Log.debug("captured {} ({})", file.value(), file.origin());
        }
    }

    /**
     * A transaction begins: whatever is still held for this session belongs to an earlier transaction that
     * never completed successfully (before HHH-20336 a failed commit runs no completion callback), so drop it.
     * Its journal entries stay: whether it committed is unknown, and replay checks the rows again. What it wrote
     * is checked after the rollback cleanup's delay: if it did commit, its rows keep those files.
     */
    public void began(Object session) {
        TransactionFiles stale = pending.remove(session);
        if (stale != null) {
            List<ReleasedFile> released = stale.snapshot();
            if (!released.isEmpty()) {
                journal.completed(stale.entries(), true);
                Log.info("kept {} file(s) released by an earlier transaction that did not commit", released.size());
            }
            rolledBack(stale);
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
        List<ReleasedFile> released = files.snapshot();
        if (successful) {
            if (released.isEmpty()) {
                return; // it only wrote files, which its rows now hold
            }
            if (!journal.shared()) {
                // Captured after the journal write (Hibernate itself does not do that): journaled late, not lost.
                committing(session, files);
            }
            committed.accept(new CommittedFiles(files.snapshot(), files.entries()));
        } else {
            if (!released.isEmpty()) {
                journal.completed(files.entries(), false);
                Log.debug("transaction rolled back; keeping {} file(s)", released.size());
            }
            rolledBack(files);
        }
    }

    /** The files a transaction that did not commit wrote go to the rollback cleanup, if there is one. */
    private void rolledBack(TransactionFiles files) {
        List<ReleasedFile> written = files.written();
        if (rolledBack != null && !written.isEmpty()) {
            Log.debug("transaction did not commit; {} file(s) it wrote are checked later", written.size());
            rolledBack.accept(written);
        }
    }

    /**
     * Whether a transaction still in progress in this JVM wrote a value that {@code sameFile} accepts: a retry of a
     * rolled-back one that reuses its file, which its rows will hold once it commits.
     */
    public boolean writtenInProgress(Predicate<String> sameFile) {
        for (Map.Entry<Object, TransactionFiles> entry : pending) {
            if (entry.getValue().wrote(sameFile)) {
                return true;
            }
        }
        return false;
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
