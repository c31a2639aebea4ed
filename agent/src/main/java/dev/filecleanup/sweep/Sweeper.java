package dev.filecleanup.sweep;

import dev.filecleanup.Log;
import dev.filecleanup.cleanup.StoredReferences;
import dev.filecleanup.config.SweepSetting;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When sweeps run: once the SessionFactories built at startup are ready (none built for the settle delay, as for
 * the journal's replay), every {@code filecleanup.sweep.every} after that, and on demand ({@link #runNow}). One at
 * a time, on a daemon thread of its own below the host's priority, which exists only when the sweep is on.
 */
public final class Sweeper {
    private final SweepSetting setting;
    private final StoredReferences references;
    private final long settleNanos;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;
    private ScheduledThreadPoolExecutor executor;
    private ScheduledFuture<?> firstRun;
    private boolean scheduled;
    private int runs;
    private volatile String last = "";

    /** {@code settle}: how long after the last SessionFactory is built the first sweep waits. */
    public Sweeper(SweepSetting setting, StoredReferences references, Duration settle) {
        this.setting = setting;
        this.references = references;
        this.settleNanos = settle.toNanos();
    }

    /** A SessionFactory with file columns was built: the first sweep waits until no other one is, for a while. */
    public synchronized void factoryBuilt() {
        if (setting.mode() == SweepSetting.Mode.OFF || scheduled || stopping
                || !setting.atStartup() && setting.every() == null) {
            return;
        }
        if (firstRun != null) {
            firstRun.cancel(false);
        }
        firstRun = executor().schedule(this::first, settleNanos, TimeUnit.NANOSECONDS);
    }

    private void first() {
        synchronized (this) {
            scheduled = true;
            if (setting.every() != null) {
                long every = setting.every().toNanos();
                executor.scheduleWithFixedDelay(() -> sweep("scheduled"), every, every, TimeUnit.NANOSECONDS);
            }
        }
        if (setting.atStartup()) {
            sweep("at startup");
        }
    }

    /**
     * Runs a sweep now, in the configured mode, and waits for it: for the MBean's operation. Returns its outcome
     * line, or why none ran (the sweep is off, or one is running).
     */
    public String runNow() {
        if (setting.mode() == SweepSetting.Mode.OFF) {
            return "the sweep is off (filecleanup.sweep=off)";
        }
        if (running.get()) {
            return "sweep skipped: a sweep is running in this JVM";
        }
        Future<String> sweep;
        synchronized (this) {
            if (stopping) {
                return "sweep skipped: the JVM is exiting";
            }
            sweep = executor().submit(() -> sweep("on demand"));
        }
        try {
            return sweep.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting; the sweep goes on";
        } catch (ExecutionException e) {
            return "sweep failed: " + e.getCause();
        }
    }

    /** At exit: a running sweep stops at its next file, keeping the rest, and no other one starts. */
    public synchronized void stop() {
        stopping = true;
        if (executor != null) {
            executor.shutdown();
        }
    }

    private ScheduledThreadPoolExecutor executor() {
        if (executor == null) {
            executor = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "file-cleanup-sweep");
                thread.setDaemon(true);
                // Below the host and below the deletion worker: a sweep is never urgent.
                thread.setPriority(Thread.NORM_PRIORITY - 2);
                return thread;
            });
            executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        }
        return executor;
    }

    /** The outcome line of the last sweep that ran in this JVM, with its time; empty before the first. */
    public String last() {
        return last;
    }

    private String sweep(String why) {
        if (!running.compareAndSet(false, true)) {
            return "sweep skipped: a sweep is running in this JVM";
        }
        try {
            String outcome = sweepOnce(why);
            last = Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + outcome;
            return outcome;
        } finally {
            running.set(false);
        }
    }

    private String sweepOnce(String why) {
        long started = System.nanoTime();
        try {
            int run = ++runs;
            Log.info("sweep #{} ({}, {}) started: roots {}, files older than {}{}, {} files/s at most", run, why,
                    setting.mode().name().toLowerCase(Locale.ROOT), references.roots(), setting.minAge(),
                    setting.exclude().isEmpty() ? "" : ", excluding " + setting.exclude(), setting.rate());
            String outcome = new Sweep(setting, references, () -> stopping).run();
            outcome = outcome + "; " + (System.nanoTime() - started) / 1_000_000 + " ms";
            Log.info("sweep #{} finished: {}", run, outcome);
            return outcome;
        } catch (Sweep.Stop e) {
            Log.warn("{}", e.getMessage());
            return e.getMessage();
        } catch (Throwable t) {
            Log.error("sweep failed; every file it had not deleted yet is kept", t);
            return "sweep failed: " + t;
        }
    }
}
