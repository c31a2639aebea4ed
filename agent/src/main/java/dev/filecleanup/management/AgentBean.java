package dev.filecleanup.management;

import dev.filecleanup.cleanup.Counters;
import dev.filecleanup.cleanup.Refusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The MBean: reads the counters each time it is asked, so it holds no state of its own. */
final class AgentBean implements FileCleanupMXBean {
    private final AgentState state;

    AgentBean(AgentState state) {
        this.state = state;
    }

    private Counters counters() {
        return state.counters();
    }

    @Override
    public long getReleased() {
        return counters().released();
    }

    @Override
    public long getDeleted() {
        return counters().deleted();
    }

    @Override
    public long getAlreadyGone() {
        return counters().alreadyGone();
    }

    @Override
    public long getKept() {
        return counters().kept();
    }

    @Override
    public Map<String, Long> getKeptByReason() {
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (Counters.Kept reason : Counters.Kept.values()) {
            byReason.put(reason.tag(), counters().kept(reason));
        }
        return byReason;
    }

    @Override
    public long getRefused() {
        return counters().refused();
    }

    @Override
    public Map<String, Long> getRefusedByReason() {
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (Refusal reason : Refusal.values()) {
            byReason.put(reason.tag(), counters().refused(reason));
        }
        return byReason;
    }

    @Override
    public long getFailed() {
        return counters().failed();
    }

    @Override
    public long getRetried() {
        return counters().retried();
    }

    @Override
    public long getPending() {
        return state.pendingFiles();
    }

    @Override
    public long getJournaled() {
        return counters().journaled();
    }

    @Override
    public long getReplayed() {
        return counters().replayed();
    }

    @Override
    public long getSpilled() {
        return counters().spilled();
    }

    @Override
    public long getDropped() {
        return counters().dropped();
    }

    @Override
    public long getReferenceQueries() {
        return counters().referenceQueries();
    }

    @Override
    public String getLastSweep() {
        return state.lastSweep();
    }

    @Override
    public long getRolledBack() {
        return counters().rolledBack();
    }

    @Override
    public Map<String, List<String>> getWatchedAttributes() {
        return state.watchedAttributes();
    }

    @Override
    public List<String> recentFailures() {
        return counters().recentFailures();
    }

    @Override
    public List<String> recentRefusals() {
        return counters().recentRefusals();
    }

    @Override
    public boolean drainNow() {
        return state.drain();
    }

    @Override
    public String sweepNow() {
        return state.sweepNow();
    }
}
