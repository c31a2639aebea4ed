package dev.filecleanup.management;

import dev.filecleanup.cleanup.Counters;
import java.util.List;
import java.util.Map;

/** What the running agent shows to operators: its counters, what waits, and what it watches. */
public interface AgentState {
    Counters counters();

    /** Released files held in memory, waiting for their check and deletion. */
    long pendingFiles();

    /** The watched attributes of each open SessionFactory with file columns, by its name. */
    Map<String, List<String>> watchedAttributes();

    /** Hurries what is pending and waits for it, within the configured shutdown timeout; false when it ran out. */
    boolean drain();

    /** Runs an orphan sweep now, in the configured mode, and returns its outcome line. */
    String sweepNow();

    /** The outcome line of the last orphan sweep, with its time; empty before the first. */
    String lastSweep();
}
