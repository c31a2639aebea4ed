package dev.filecleanup.management;

import java.util.List;
import java.util.Map;

/**
 * The agent as JMX shows it, under {@code dev.filecleanup:type=FileCleanup}. An MXBean, so that any JMX client
 * (JConsole, VisualVM, Jolokia, a JMX exporter) reads it with JDK types only. Counts since the JVM started.
 */
public interface FileCleanupMXBean {
    /** Values handed over for deletion by committed transactions. */
    long getReleased();

    /** Files deleted (in a dry run: that would have been). */
    long getDeleted();

    long getAlreadyGone();

    /** Released files kept on disk, for any reason. */
    long getKept();

    /** Kept files by reason: still_referenced, changed_since_released, unchecked. */
    Map<String, Long> getKeptByReason();

    /** Released values the path safety refused to delete, for any reason. */
    long getRefused();

    /** Refusals by reason, such as outside_roots or symbolic_link. */
    Map<String, Long> getRefusedByReason();

    long getFailed();

    long getRetried();

    /** Released files waiting in memory for their check and deletion. */
    long getPending();

    /** Released values written to the journal. */
    long getJournaled();

    /** Journal entries taken up again: from an earlier run, or spilled while the queue was full. */
    long getReplayed();

    long getSpilled();

    long getDropped();

    long getReferenceQueries();

    /** Files written by transactions that rolled back, handed to the check after the rollback cleanup's delay. */
    long getRolledBack();

    /** The outcome line of the last orphan sweep, with its time; empty before the first. */
    String getLastSweep();

    /** The watched attributes of each SessionFactory, by its name. */
    Map<String, List<String>> getWatchedAttributes();

    /** The latest failures (at most 50), oldest first. */
    List<String> recentFailures();

    /** The latest refusals (at most 50), oldest first. */
    List<String> recentRefusals();

    /** Checks and deletes what is pending now instead of at the worker's pace; false if it did not finish in time. */
    boolean drainNow();

    /**
     * Runs an orphan sweep now, in the mode {@code filecleanup.sweep} sets, and returns its outcome; says so when the
     * sweep is off or one is running already.
     */
    String sweepNow();
}
