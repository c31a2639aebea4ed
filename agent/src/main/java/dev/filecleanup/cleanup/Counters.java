package dev.filecleanup.cleanup;

import java.util.concurrent.atomic.AtomicLong;

/** Every count the agent keeps, in one place: the exit summary and the tests read them here. */
public final class Counters {
    private final AtomicLong released = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong alreadyGone = new AtomicLong();
    private final AtomicLong kept = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong referenceQueries = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong spilled = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();

    /** Values handed to the queue by committed transactions. */
    public long released() {
        return released.get();
    }

    /** Files deleted (or, in a dry run, that would have been). */
    public long deleted() {
        return deleted.get();
    }

    /** Released files that were no longer on disk when their turn came. */
    public long alreadyGone() {
        return alreadyGone.get();
    }

    /** Released files kept because a row still references them, or because that could not be checked. */
    public long kept() {
        return kept.get();
    }

    /** Released values that the storage roots do not allow deleting. */
    public long refused() {
        return refused.get();
    }

    /** Files whose deletion failed. */
    public long failed() {
        return failed.get();
    }

    /** Statements the reference check ran. */
    public long referenceQueries() {
        return referenceQueries.get();
    }

    /** Deletions attempted again after a storage error. */
    public long retried() {
        return retried.get();
    }

    /** Released files left in the journal, not in memory, because the queue was full. */
    public long spilled() {
        return spilled.get();
    }

    /** Released files dropped because the queue was full and no journal holds them: they stay on disk. */
    public long dropped() {
        return dropped.get();
    }

    /** Journal entries taken up again: from an earlier run, or left there when the queue was full. */
    public long replayed() {
        return replayed.get();
    }

    void countRetried() {
        retried.incrementAndGet();
    }

    void countSpilled(int values) {
        spilled.addAndGet(values);
    }

    void countDropped(int values) {
        dropped.addAndGet(values);
    }

    void countReplayed(int values) {
        replayed.addAndGet(values);
    }

    void countReleased(int values) {
        released.addAndGet(values);
    }

    void countDeleted() {
        deleted.incrementAndGet();
    }

    void countAlreadyGone() {
        alreadyGone.incrementAndGet();
    }

    void countKept() {
        kept.incrementAndGet();
    }

    void countRefused() {
        refused.incrementAndGet();
    }

    void countFailed() {
        failed.incrementAndGet();
    }

    void countReferenceQuery() {
        referenceQueries.incrementAndGet();
    }

    /** Whether any count is above zero: a JVM where nothing happened has nothing to summarise. */
    public boolean anything() {
        return released() + deleted() + alreadyGone() + kept() + refused() + failed() + referenceQueries()
                + retried() + spilled() + dropped() + replayed() > 0;
    }

    /** The exit summary's text. */
    public String summary(boolean dryRun) {
        return released() + " released, " + deleted() + " deleted" + (dryRun ? " (dry run)" : "") + ", "
                + alreadyGone() + " already gone, " + kept() + " kept (still referenced or unchecked), "
                + refused() + " refused, " + failed() + " failed, " + referenceQueries() + " reference queries"
                + (retried() > 0 ? ", " + retried() + " deletion attempts retried" : "")
                + (replayed() > 0 ? ", " + replayed() + " replayed from the journal" : "")
                + (spilled() > 0 ? ", " + spilled() + " left in the journal while the queue was full" : "")
                + (dropped() > 0 ? ", " + dropped() + " dropped while the queue was full" : "");
    }
}
