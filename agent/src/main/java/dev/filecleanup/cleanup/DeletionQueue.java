package dev.filecleanup.cleanup;

import dev.filecleanup.Log;
import dev.filecleanup.capture.ReleasedFile;
import dev.filecleanup.catalog.FactoryModel;
import dev.filecleanup.catalog.FileColumn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs after commit, off the host's threads: takes the files of committed transactions, asks the reference
 * check which of them rows still name, and hands only the rest to the path-safe delete. Everything queued
 * together is checked together, so a burst of transactions costs one round of reference queries. The worker
 * survives interrupts and errors: a worker that dies anyway is replaced.
 */
public final class DeletionQueue {
    private final BlockingQueue<List<ReleasedFile>> inbox = new LinkedBlockingQueue<>();
    private final StorageRoots roots;
    private final ReferenceCheck check;
    private final SafeDeleter deleter;
    private final Counters counters;
    private final Object idle = new Object();
    private long inFlight;

    public DeletionQueue(List<Path> roots, boolean dryRun, Counters counters) {
        this(new StorageRoots(roots), dryRun, counters);
    }

    private DeletionQueue(StorageRoots roots, boolean dryRun, Counters counters) {
        this(roots, new ReferenceCheck(roots, 500), new SafeDeleter(roots, dryRun, counters), counters);
    }

    DeletionQueue(StorageRoots roots, ReferenceCheck check, SafeDeleter deleter, Counters counters) {
        this.roots = roots;
        this.check = check;
        this.deleter = deleter;
        this.counters = counters;
        startWorker();
    }

    /** From now on, rows of {@code sessionFactory} in {@code columns} protect the files they name. */
    public void watch(Object sessionFactory, String name, FactoryModel model, List<FileColumn> columns) {
        check.register(sessionFactory, new FactoryReferences(name, model,
                columns.stream().map(column -> new ColumnQuery(column, counters)).toList()));
    }

    /** The factory closed; its rows still protect their files for as long as they can be read. */
    public void closed(Object sessionFactory) {
        check.closed(sessionFactory);
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

    private void startWorker() {
        Thread worker = new Thread(this::work, "file-cleanup-deleter");
        worker.setDaemon(true);
        worker.setUncaughtExceptionHandler((thread, error) -> {
            Log.error("the deletion worker died; starting a new one", error);
            startWorker();
        });
        worker.start();
    }

    private void work() {
        while (true) {
            List<List<ReleasedFile>> batches = new ArrayList<>();
            try {
                batches.add(inbox.take());
            } catch (InterruptedException e) {
                // Not ours to stop: the host interrupted every thread, or one it should not have.
                Log.warn("the deletion worker was interrupted; it goes on");
                continue;
            }
            inbox.drainTo(batches);
            try {
                process(batches);
            } catch (Throwable t) {
                Log.error("unexpected error; the files of " + batches.size() + " transaction(s) are kept", t);
            } finally {
                Thread.interrupted();
                synchronized (idle) {
                    inFlight -= batches.size();
                    idle.notifyAll();
                }
            }
        }
    }

    /**
     * Values that cannot be deleted (refused, already gone) are only reported, with the reason. The others
     * are grouped by the file they name, checked together, and deleted unless some row still names them.
     */
    private void process(List<List<ReleasedFile>> batches) {
        Map<Path, Target> targets = new LinkedHashMap<>();
        Set<String> undeletable = new HashSet<>();
        for (List<ReleasedFile> batch : batches) {
            for (ReleasedFile file : batch) {
                StorageRoots.Resolution resolution = roots.resolve(file.value());
                if (resolution.refusal() != null || resolution.missing()) {
                    if (undeletable.add(file.value())) {
                        // Reported, never deleted: a file that appears now was not checked against the rows.
                        deleter.report(file, resolution);
                    }
                    continue;
                }
                targets.computeIfAbsent(resolution.file(),
                        real -> new Target(file, roots.lexical(file.value()), real)).add(file);
            }
        }
        if (targets.isEmpty()) {
            return;
        }
        Map<Target, String> keep = check.keep(targets.values());
        for (Target target : targets.values()) {
            String reason = keep.get(target);
            if (reason == null) {
                deleter.delete(target.first());
            } else {
                counters.countKept();
                if (ReferenceCheck.STILL_REFERENCED.equals(reason)) {
                    Log.info("kept {} ({}): {}", target.first().value(), target.first().origin(), reason);
                } else {
                    Log.warn("kept {} ({}): {}", target.first().value(), target.first().origin(), reason);
                }
            }
        }
    }
}
