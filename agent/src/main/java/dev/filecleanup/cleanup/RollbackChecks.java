package dev.filecleanup.cleanup;

import dev.filecleanup.Log;
import dev.filecleanup.capture.ReleasedFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * {@code filecleanup.rollbackCleanup}: the files that transactions which did not commit wrote wait here for the
 * delay, then go to the {@link DeletionQueue} like released ones, through the reference check (a retry that
 * committed the same path keeps the file) and the path-safe delete. Every rollback waits the same delay, so a
 * FIFO is in due order. The committing thread only appends under a short lock; one daemon thread, started at the
 * first rollback, hands over what is due. At most {@code capacity} files wait: beyond, they are dropped, counted
 * and logged. Nothing is journaled: a crash or an exit before they are due leaves them on disk.
 */
public final class RollbackChecks {
    private final long delayNanos;
    private final int capacity;
    /** {@link DeletionQueue#submitRolledBack}: the files, and when their transaction ended. */
    private final BiConsumer<List<ReleasedFile>, Long> queue;
    private final Counters counters;
    /** Whether a transaction still in progress in this JVM wrote a value naming a given file: its retry. */
    private final Predicate<Predicate<String>> writtenInProgress;
    private final StorageRoots roots;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private int held;
    private boolean full;
    private Thread timer;

    private record Waiting(long dueNanos, long rolledBackAt, List<ReleasedFile> files) {
    }

    public RollbackChecks(Duration delay, int capacity, BiConsumer<List<ReleasedFile>, Long> queue, Counters counters,
                          List<Path> roots, Predicate<Predicate<String>> writtenInProgress) {
        this.roots = new StorageRoots(roots);
        this.delayNanos = delay.toNanos();
        this.capacity = capacity;
        this.queue = queue;
        this.counters = counters;
        this.writtenInProgress = writtenInProgress;
    }

    /** On the completing thread: never blocks for long, never throws. */
    public void rolledBack(List<ReleasedFile> files) {
        Waiting entry = new Waiting(System.nanoTime() + delayNanos, System.currentTimeMillis(), files);
        synchronized (this) {
            if (held + files.size() > capacity) {
                counters.countDropped(files.size());
                if (!full) {
                    full = true;
                    Log.warn("{} files written by rolled-back transactions already wait for their check "
                            + "(filecleanup.queue.capacity): further ones are dropped, and stay on disk", held);
                }
                return;
            }
            held += files.size();
            waiting.addLast(entry);
            if (timer == null) {
                timer = new Thread(this::run, "file-cleanup-rollback");
                timer.setDaemon(true);
                // Started on a host's thread: it must not hold on to that thread's class loader.
                timer.setContextClassLoader(null);
                timer.setPriority(Thread.NORM_PRIORITY - 1);
                timer.start();
            }
            notifyAll();
        }
    }

    /** At exit: hands over what is due now, and says how many files are left unchecked. */
    public void exiting() {
        submit(takeDue());
        int left;
        synchronized (this) {
            left = held;
        }
        if (left > 0) {
            Log.info("{} file(s) written by rolled-back transactions were not due for their check at exit; they "
                    + "stay on disk", left);
        }
    }

    /** Files waiting for their delay to pass. */
    public synchronized int waiting() {
        return held;
    }

    private void run() {
        while (true) {
            try {
                synchronized (this) {
                    long wait = waiting.isEmpty() ? Long.MAX_VALUE : waiting.peekFirst().dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        if (wait == Long.MAX_VALUE) {
                            wait();
                        } else {
                            wait(Math.max(1, wait / 1_000_000));
                        }
                        continue;
                    }
                }
                submit(takeDue());
            } catch (InterruptedException e) {
                // Not ours to stop: the host interrupted every thread.
                Log.warn("the rollback cleanup thread was interrupted; it goes on");
            } catch (Throwable t) {
                Log.error("unexpected error in the rollback cleanup; files it held stay on disk", t);
            }
        }
    }

    private List<Waiting> takeDue() {
        List<Waiting> due = new ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            while (!waiting.isEmpty() && waiting.peekFirst().dueNanos() - now <= 0) {
                Waiting entry = waiting.removeFirst();
                held -= entry.files().size();
                due.add(entry);
            }
            if (held == 0 && full) {
                full = false;
            }
        }
        return due;
    }

    /** Hands the due files over, except those that a retry still in progress wrote: its own outcome decides. */
    private void submit(List<Waiting> due) {
        for (Waiting entry : due) {
            List<ReleasedFile> files = new ArrayList<>();
            for (ReleasedFile file : entry.files()) {
                if (writtenInProgress.test(sameFile(file.value()))) {
                    Log.info("not checking {} ({}): a transaction in progress wrote it again, and its outcome "
                            + "decides", file.value(), file.origin());
                } else {
                    files.add(file);
                }
            }
            if (!files.isEmpty()) {
                queue.accept(files, entry.rolledBackAt());
            }
        }
    }

    /**
     * Whether a value names the file that {@code value} names: spelled alike once normalised, or the same file by
     * real path (a link on the way). A value that names no path counts as it is spelled.
     */
    private Predicate<String> sameFile(String value) {
        Path file = roots.lexical(value);
        if (file == null) {
            return value::equals;
        }
        String key = Target.key(file);
        return other -> {
            Path path = roots.lexical(other);
            if (path == null || !Target.key(path).equals(key)) {
                return false;
            }
            if (path.equals(file)) {
                return true;
            }
            Path real = SameFile.realPath(path);
            Path realFile = SameFile.realPath(file);
            return real == SameFile.UNKNOWN || realFile == SameFile.UNKNOWN
                    || real != SameFile.MISSING && real.equals(realFile);
        };
    }
}
