package dev.filecleanup.cleanup;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every count the agent keeps, in one place: the exit summary, the MBean and the meters read them here, so they
 * can never disagree. Counting is an atomic increment on the worker; nothing here runs on a committing thread.
 */
public final class Counters {
    /** Recent failures and refusals kept for the MBean: enough to diagnose, bounded whatever happens. */
    static final int RECENT = 50;

    /** Why a released file was kept on disk although it was handed over. */
    public enum Kept {
        STILL_REFERENCED("still_referenced"),
        CHANGED("changed_since_released"),
        /** Written by a rolled-back transaction, but there long before it: not its upload. */
        EXISTED_BEFORE("existed_before"),
        UNCHECKED("unchecked");

        private final String tag;

        Kept(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private final AtomicLong released = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong alreadyGone = new AtomicLong();
    private final Map<Kept, AtomicLong> kept = new EnumMap<>(Kept.class);
    private final Map<Refusal, AtomicLong> refused = new EnumMap<>(Refusal.class);
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong referenceQueries = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong journaled = new AtomicLong();
    private final AtomicLong spilled = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong rolledBack = new AtomicLong();
    private final Deque<String> recentFailures = new ArrayDeque<>();
    private final Deque<String> recentRefusals = new ArrayDeque<>();

    public Counters() {
        for (Kept reason : Kept.values()) {
            kept.put(reason, new AtomicLong());
        }
        for (Refusal reason : Refusal.values()) {
            refused.put(reason, new AtomicLong());
        }
    }

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
        return kept.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long kept(Kept reason) {
        return kept.get(reason).get();
    }

    /** Released values that the storage roots do not allow deleting. */
    public long refused() {
        return refused.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long refused(Refusal reason) {
        return refused.get(reason).get();
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

    /** Released values written to the journal by committing transactions. */
    public long journaled() {
        return journaled.get();
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

    /** Files written by transactions that did not commit, checked after the rollback cleanup's delay. */
    public long rolledBack() {
        return rolledBack.get();
    }

    /** The latest failures, oldest first, each with its time. */
    public List<String> recentFailures() {
        synchronized (recentFailures) {
            return new ArrayList<>(recentFailures);
        }
    }

    /** The latest refusals, oldest first, each with its time. */
    public List<String> recentRefusals() {
        synchronized (recentRefusals) {
            return new ArrayList<>(recentRefusals);
        }
    }

    /** Whether anything at all happened: the exit summary is only worth a line then. */
    public boolean any() {
        return released() + deleted() + alreadyGone() + kept() + refused() + failed() + replayed() + dropped()
                + rolledBack() > 0;
    }

    void countRetried() {
        retried.incrementAndGet();
    }

    void countJournaled(int values) {
        journaled.addAndGet(values);
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

    void countRolledBack(int values) {
        rolledBack.addAndGet(values);
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

    void countKept(Kept reason) {
        kept.get(reason).incrementAndGet();
    }

    void countRefused(Refusal reason, String description) {
        refused.get(reason).incrementAndGet();
        remember(recentRefusals, description);
    }

    void countFailed(String description) {
        failed.incrementAndGet();
        remember(recentFailures, description);
    }

    void countReferenceQuery() {
        referenceQueries.incrementAndGet();
    }

    private static void remember(Deque<String> recent, String description) {
        String line = Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + description;
        synchronized (recent) {
            if (recent.size() == RECENT) {
                recent.removeFirst();
            }
            recent.addLast(line);
        }
    }

    /** The exit summary's text. */
    public String summary(boolean dryRun) {
        return released() + " released, " + deleted() + " deleted" + (dryRun ? " (dry run)" : "") + ", "
                + alreadyGone() + " already gone, " + kept() + " kept (still referenced or unchecked), "
                + refused() + " refused, " + failed() + " failed, " + referenceQueries() + " reference queries"
                + (retried() > 0 ? ", " + retried() + " deletion attempts retried" : "")
                + (replayed() > 0 ? ", " + replayed() + " replayed from the journal" : "")
                + (rolledBack() > 0 ? ", " + rolledBack() + " written by rolled-back transactions checked" : "")
                + (spilled() > 0 ? ", " + spilled() + " left in the journal while the queue was full" : "")
                + (dropped() > 0 ? ", " + dropped() + " dropped while the queue was full" : "");
    }
}
