package dev.filecleanup.cleanup;

import dev.filecleanup.Log;
import dev.filecleanup.capture.ReleasedFile;
import dev.filecleanup.catalog.FactoryModel;
import dev.filecleanup.catalog.FileColumn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs after commit, off the host's threads: takes the files of committed transactions, asks the reference
 * check which of them rows still hold, and hands only the rest to the path-safe delete. Everything queued
 * together is checked together, so a burst of transactions costs one round of reference queries.
 */
public final class DeletionQueue {
    private final BlockingQueue<List<ReleasedFile>> inbox = new LinkedBlockingQueue<>();
    private final ReferenceCheck check;
    private final SafeDeleter deleter;
    private final Counters counters;
    private final Object idle = new Object();
    private long inFlight;

    public DeletionQueue(List<Path> roots, boolean dryRun, Counters counters) {
        this(new StorageRoots(roots), dryRun, counters);
    }

    private DeletionQueue(StorageRoots roots, boolean dryRun, Counters counters) {
        this(new ReferenceCheck(roots, 500), new SafeDeleter(roots, dryRun, counters), counters);
    }

    DeletionQueue(ReferenceCheck check, SafeDeleter deleter, Counters counters) {
        this.check = check;
        this.deleter = deleter;
        this.counters = counters;
        Thread worker = new Thread(this::work, "file-cleanup-deleter");
        worker.setDaemon(true);
        worker.start();
    }

    /** From now on, rows of {@code sessionFactory} in {@code columns} protect their files. */
    public void watch(Object sessionFactory, FactoryModel model, List<FileColumn> columns) {
        check.register(sessionFactory, new NativeReferenceLookup(model, columns, counters));
    }

    public void unwatch(Object sessionFactory) {
        check.unregister(sessionFactory);
    }

    /** Takes the values of one committed transaction. Never blocks and never throws on the committing thread. */
    public void submit(List<ReleasedFile> files) {
        if (files.isEmpty()) {
            return;
        }
        counters.countReleased(files.size());
        synchronized (idle) {
            inFlight++;
        }
        inbox.add(files);
    }

    /** Waits until everything submitted so far is processed; false when the timeout ran out first. */
    public boolean awaitIdle(Duration timeout) {
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

    /** Committed transactions whose files are not processed yet. */
    public long pending() {
        synchronized (idle) {
            return inFlight;
        }
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
        Set<String> referenced = check.stillReferenced(files.keySet());
        for (ReleasedFile file : files.values()) {
            if (referenced == null) {
                counters.countKept();
                Log.warn("kept {} ({}): references could not be checked", file.value(), file.origin());
            } else if (referenced.contains(file.value())) {
                counters.countKept();
                Log.info("kept {} ({}): still referenced", file.value(), file.origin());
            } else {
                deleter.delete(file);
            }
        }
    }
}
