package dev.filecleanup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs after commit, off the host's threads: takes the files of committed transactions, asks every open
 * SessionFactory which values its rows still hold, and deletes only the rest. Everything queued together is
 * checked together, so a burst of transactions costs one round of reference queries.
 */
final class DeletionQueue {
    private static final int CHECK_ATTEMPTS = 5;

    private final BlockingQueue<List<ReleasedFile>> inbox = new LinkedBlockingQueue<>();
    private final Map<Object, ReferenceLookup> lookups = new ConcurrentHashMap<>();
    private final SafeDeleter deleter;
    private final long firstRetryMillis;
    private final Object idle = new Object();
    private long inFlight;
    private final AtomicLong statementsOfClosedFactories = new AtomicLong();
    final AtomicLong kept = new AtomicLong();

    DeletionQueue(SafeDeleter deleter) {
        this(deleter, 500);
    }

    /** {@code firstRetryMillis}: pause after a failed reference check, doubled at each further attempt. */
    DeletionQueue(SafeDeleter deleter, long firstRetryMillis) {
        this.deleter = deleter;
        this.firstRetryMillis = firstRetryMillis;
        Thread worker = new Thread(this::work, "file-cleanup-deleter");
        worker.setDaemon(true);
        worker.start();
    }

    void register(Object sessionFactory, ReferenceLookup lookup) {
        lookups.put(sessionFactory, lookup);
    }

    void unregister(Object sessionFactory) {
        ReferenceLookup lookup = lookups.remove(sessionFactory);
        if (lookup != null) {
            statementsOfClosedFactories.addAndGet(lookup.statementsRun());
        }
    }

    /** Never blocks and never throws on the committing thread. */
    void submit(List<ReleasedFile> files) {
        if (files.isEmpty()) {
            return;
        }
        synchronized (idle) {
            inFlight++;
        }
        inbox.add(files);
    }

    /** Waits until everything submitted so far is processed; false when the timeout ran out first. */
    boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    idle.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    long pending() {
        synchronized (idle) {
            return inFlight;
        }
    }

    long statementsRun() {
        return statementsOfClosedFactories.get()
                + lookups.values().stream().mapToLong(ReferenceLookup::statementsRun).sum();
    }

    private void work() {
        while (true) {
            List<List<ReleasedFile>> batches = new ArrayList<>();
            try {
                batches.add(inbox.take());
            } catch (InterruptedException e) {
                return;
            }
            inbox.drainTo(batches);
            try {
                process(batches);
            } catch (Throwable t) {
                Log.error("unexpected error; the files of " + batches.size() + " transaction(s) are kept", t);
            }
            synchronized (idle) {
                inFlight -= batches.size();
                idle.notifyAll();
            }
        }
    }

    private void process(List<List<ReleasedFile>> batches) {
        Map<String, ReleasedFile> files = new LinkedHashMap<>();
        for (List<ReleasedFile> batch : batches) {
            for (ReleasedFile file : batch) {
                files.putIfAbsent(file.value(), file);
            }
        }
        Map<String, Set<String>> spellings = new LinkedHashMap<>();
        Set<String> lookFor = new LinkedHashSet<>();
        for (String value : files.keySet()) {
            Set<String> ways = deleter.spellings(value);
            spellings.put(value, ways);
            lookFor.addAll(ways);
        }
        Set<String> referenced = stillReferenced(lookFor);
        for (ReleasedFile file : files.values()) {
            if (referenced == null) {
                kept.incrementAndGet();
                Log.warn("kept {} ({}): references could not be checked", file.value(), file.origin());
            } else if (!Collections.disjoint(referenced, spellings.get(file.value()))) {
                kept.incrementAndGet();
                Log.info("kept {} ({}): still referenced", file.value(), file.origin());
            } else {
                deleter.delete(file);
            }
        }
    }

    /** The values some committed row still holds, or null when that cannot be known. */
    private Set<String> stillReferenced(Set<String> values) {
        for (int attempt = 1; attempt <= CHECK_ATTEMPTS; attempt++) {
            if (lookups.isEmpty()) {
                Log.warn("no open SessionFactory to check references against");
                return null;
            }
            try {
                Set<String> referenced = new HashSet<>();
                for (ReferenceLookup lookup : lookups.values()) {
                    referenced.addAll(lookup.stillReferenced(values));
                }
                return referenced;
            } catch (Exception e) {
                Log.warn("reference check failed (attempt " + attempt + " of " + CHECK_ATTEMPTS + ")", e);
                try {
                    Thread.sleep(firstRetryMillis << (attempt - 1));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
        return null;
    }
}
