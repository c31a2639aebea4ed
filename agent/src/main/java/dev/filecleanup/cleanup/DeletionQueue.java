package dev.filecleanup.cleanup;

import dev.filecleanup.Log;
import dev.filecleanup.capture.CommittedFiles;
import dev.filecleanup.capture.ReleasedFile;
import dev.filecleanup.catalog.FactoryModel;
import dev.filecleanup.catalog.FileColumn;
import dev.filecleanup.journal.Journal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs after commit, off the host's threads: takes the files of committed transactions, asks the reference
 * check which of them rows still name, and hands only the rest to the path-safe delete. Commits are coalesced:
 * a round takes what is queued and what commits in the few milliseconds after the first ({@link Pacing}), up to
 * {@link #BATCH} files, and checks them together, so that a burst of transactions costs one round of reference
 * queries, one statement per column. The host comes first: the worker runs below its normal priority, sleeps
 * while there is nothing to do, and rests after a slow check ({@link Pacing}), except when a full batch waits, or
 * someone waits for the queue to be idle (a SessionFactory closing, the JVM exiting). It survives interrupts and
 * errors: a worker that dies anyway is replaced.
 *
 * <p>The queue holds at most {@code capacity} files. When it is full, a commit's files stay in the journal only,
 * and are replayed from there once the queue has room; without a journal they are dropped, counted and logged.
 * Entries of an earlier run are replayed once the SessionFactories are built and have settled.
 */
public final class DeletionQueue {
    /**
     * Files checked in one round: enough for a round's statements to serve many files, few enough that a file is
     * deleted soon after the check that allowed it, and that each name list stays short.
     */
    static final int BATCH = 5_000;
    private static final long RESCAN_UNCHECKED_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final BlockingQueue<Work> inbox = new LinkedBlockingQueue<>();
    private final StorageRoots roots;
    private final ReferenceCheck check;
    private final SafeDeleter deleter;
    private final Counters counters;
    private final Journal journal;
    private final int capacity;
    private final long replayDelayNanos;
    private final long pollNanos;
    private final Pacing pacing;
    private final StoredReferences references;
    private long nextPoll;
    private final Object idle = new Object();
    private long inFlight;
    private long queuedFiles;
    private boolean full;
    private volatile long replayAt = Long.MAX_VALUE;
    private volatile boolean replayWanted = true;
    private long replayAfter;
    private boolean replaying;

    /**
     * What the worker takes: committed files and their journal entries, or replayed ones and when they were
     * released, or files of rolled-back transactions and when they rolled back.
     */
    private record Work(List<ReleasedFile> files, long[] entries, long[] releasedAt) {
    }

    public DeletionQueue(List<Path> roots, boolean dryRun, int attempts, Duration retryDelay, Counters counters,
                         Journal journal, int capacity, Duration replayDelay, Duration poll) {
        this(new StorageRoots(roots), dryRun, attempts, retryDelay, counters, journal, capacity, replayDelay, poll);
    }

    private DeletionQueue(StorageRoots roots, boolean dryRun, int attempts, Duration retryDelay, Counters counters,
                          Journal journal, int capacity, Duration replayDelay, Duration poll) {
        this(roots, new ReferenceCheck(roots, 500), new SafeDeleter(roots, dryRun, counters, attempts, retryDelay),
                counters, journal, capacity, replayDelay, poll, Pacing.WINDOW);
    }

    /**
     * {@code poll}: how often a shared journal is drained of what other nodes left, besides after each commit;
     * {@code window}: how long a round waits for further commits after its first ({@link Pacing#WINDOW}).
     */
    DeletionQueue(StorageRoots roots, ReferenceCheck check, SafeDeleter deleter, Counters counters, Journal journal,
                  int capacity, Duration replayDelay, Duration poll, Duration window) {
        this.roots = roots;
        this.check = check;
        this.deleter = deleter;
        this.counters = counters;
        this.journal = journal;
        this.capacity = capacity;
        this.replayDelayNanos = replayDelay.toNanos();
        this.pollNanos = poll.toNanos();
        this.pacing = new Pacing(window);
        this.references = new StoredReferences(roots, check, deleter);
        startWorker();
    }

    /**
     * From now on, rows of {@code sessionFactory} in {@code columns} protect the files they name. The journal is
     * replayed once no further factory has been built for the replay delay: a value from an earlier run may be
     * named by rows of any persistence unit.
     */
    public void watch(Object sessionFactory, String name, FactoryModel model, List<FileColumn> columns) {
        check.register(sessionFactory, new FactoryReferences(name, model,
                columns.stream().map(column -> new ColumnQuery(column, counters)).toList()));
        replayAt = System.nanoTime() + replayDelayNanos;
        inbox.add(WAKE);
    }

    /** The same reference check and path-safe delete, for the orphan sweep. */
    public StoredReferences references() {
        return references;
    }

    /** The factory closed; its rows still protect their files for as long as they can be read. */
    public void closed(Object sessionFactory) {
        check.closed(sessionFactory);
    }

    /**
     * Takes the values of one committed transaction. Never blocks and never throws on the committing thread. The
     * entries of a shared journal are not held here: the worker claims them from the journal.
     */
    public void submit(CommittedFiles committed) {
        if (committed.files().isEmpty()) {
            return;
        }
        counters.countReleased(committed.files().size());
        int journaled = 0;
        for (long entry : committed.entries()) {
            journaled += entry == Journal.NOT_JOURNALED ? 0 : 1;
        }
        counters.countJournaled(journaled);
        if (journal.shared()) {
            List<ReleasedFile> unjournaled = new ArrayList<>();
            for (int i = 0; i < committed.entries().length; i++) {
                if (committed.entries()[i] == Journal.NOT_JOURNALED) {
                    unjournaled.add(committed.files().get(i));
                }
            }
            if (unjournaled.size() < committed.files().size()) {
                replayWanted = true;
                inbox.add(CLAIM);
            }
            if (unjournaled.isEmpty()) {
                return;
            }
            committed = CommittedFiles.unjournaled(unjournaled);
        }
        hold(committed, null);
    }

    /**
     * Takes the files that a transaction which did not commit wrote, once the rollback cleanup's delay has passed
     * ({@link RollbackChecks}); {@code rolledBackAt}: when it ended (epoch milliseconds), so that a file written
     * again since then (a retry's upload) is kept. They are in no journal.
     */
    public void submitRolledBack(List<ReleasedFile> files, long rolledBackAt) {
        if (files.isEmpty()) {
            return;
        }
        counters.countRolledBack(files.size());
        long[] releasedAt = new long[files.size()];
        java.util.Arrays.fill(releasedAt, rolledBackAt);
        hold(CommittedFiles.unjournaled(files), releasedAt);
    }

    /** {@code releasedAt}: when each value was released, where a file written since then must be kept; or null. */
    private void hold(CommittedFiles committed, long[] releasedAt) {
        List<ReleasedFile> files = committed.files();
        synchronized (idle) {
            if (queuedFiles + files.size() > capacity) {
                overflow(committed);
                return;
            }
            inFlight++;
            queuedFiles += files.size();
        }
        inbox.add(new Work(files, committed.entries(), releasedAt));
    }

    /** Holds {@link #idle}. Journaled files wait in the journal; the others are dropped, and say so. */
    private void overflow(CommittedFiles committed) {
        int journaled = (int) java.util.Arrays.stream(committed.entries()).filter(e -> e != Journal.NOT_JOURNALED)
                .count();
        int dropped = committed.files().size() - journaled;
        counters.countSpilled(journaled);
        counters.countDropped(dropped);
        journal.completed(committed.entries(), true);
        if (journaled > 0) {
            replayWanted = true;
            inbox.add(WAKE);
        }
        if (!full) {
            full = true;
            Log.warn("the deletion queue is full ({} files, filecleanup.queue.capacity): {}", capacity,
                    dropped == 0 ? "released files wait in the journal " + journal + " until it has room"
                            : "released files that no journal holds are dropped, and stay on disk");
        }
    }

    /**
     * Waits until everything submitted so far is processed, and a journal replay that is due has run; false when
     * the timeout ran out first.
     */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        // Someone waits: the worker stops gathering commits and resting.
        inbox.add(HURRY);
        synchronized (idle) {
            while (inFlight > 0 || replaying || replayWanted && replayAt - System.nanoTime() <= 0) {
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

    /** Released files held in memory, waiting for their check and deletion. */
    public long pendingFiles() {
        synchronized (idle) {
            return queuedFiles;
        }
    }

    private static final Work WAKE = new Work(List.of(), new long[0], null);
    /** A wake-up that also ends the gathering of a round: someone waits for the queue to be idle. */
    private static final Work HURRY = new Work(List.of(), new long[0], null);
    /** A commit whose files wait in a shared journal, to be claimed: a round gathers for it as for files. */
    private static final Work CLAIM = new Work(List.of(), new long[0], null);

    private static boolean token(Work work) {
        return work == WAKE || work == HURRY || work == CLAIM;
    }

    private void startWorker() {
        Thread worker = new Thread(this::work, "file-cleanup-deleter");
        worker.setDaemon(true);
        // Not the priority of whichever thread starts it (a replacement is started by the one that died): below
        // the host's own threads, which the deletions can wait for.
        worker.setPriority(Thread.NORM_PRIORITY - 1);
        worker.setUncaughtExceptionHandler((thread, error) -> {
            Log.error("the deletion worker died; starting a new one", error);
            startWorker();
        });
        worker.start();
    }

    private void work() {
        nextPoll = System.nanoTime() + pollNanos;
        while (true) {
            List<Work> batches = new ArrayList<>();
            try {
                long wait = replayWanted && replayAt != Long.MAX_VALUE ? replayAt - System.nanoTime() : Long.MAX_VALUE;
                if (journal.shared()) {
                    long untilPoll = nextPoll - System.nanoTime();
                    if (untilPoll <= 0) {
                        replayWanted = true;
                        nextPoll = System.nanoTime() + pollNanos;
                    }
                    wait = Math.min(wait, Math.max(0, untilPoll));
                }
                Work first = wait == Long.MAX_VALUE ? inbox.take()
                        : inbox.poll(Math.max(0, wait), TimeUnit.NANOSECONDS);
                if (first != null) {
                    batches.add(first);
                }
            } catch (InterruptedException e) {
                // Not ours to stop: the host interrupted every thread, or one it should not have.
                Log.warn("the deletion worker was interrupted; it goes on");
                continue;
            }
            coalesce(batches);
            batches.removeIf(DeletionQueue::token);
            try {
                if (!batches.isEmpty()) {
                    process(batches);
                }
                // Also between batches, so that steady commits cannot hold replay off for good: entries held in
                // memory wait for their own processing, and no replay hands them out.
                replay();
            } catch (Throwable t) {
                Log.error("unexpected error; the files of " + batches.size() + " transaction(s) are kept", t);
            } finally {
                Thread.interrupted();
                pacing.roundDone();
                if (!batches.isEmpty()) {
                    synchronized (idle) {
                        inFlight -= batches.size();
                        batches.forEach(batch -> queuedFiles -= batch.files().size());
                        if (inFlight == 0 && full) {
                            full = false;
                            Log.info("the deletion queue has room again");
                        }
                        idle.notifyAll();
                    }
                }
            }
        }
    }

    /**
     * Adds to the first commit taken those already queued and those that arrive until {@link Pacing} lets the round
     * start, until the batch holds {@link #BATCH} files (a transaction is never split here). A commit whose files
     * wait in a shared journal counts as one: the round then claims them all at once. Without a commit it waits for
     * nothing; once someone waits for the queue to be idle, it takes what is queued and goes.
     */
    private void coalesce(List<Work> batches) {
        int files = 0;
        boolean hurry = false;
        boolean claim = false;
        for (Work batch : batches) {
            files += batch.files().size();
            hurry |= batch == HURRY;
            claim |= batch == CLAIM;
        }
        long until = pacing.gatherUntil();
        try {
            while (files < BATCH) {
                Work next = inbox.poll();
                if (next == null && (files > 0 || claim) && !hurry) {
                    long left = until - System.nanoTime();
                    next = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
                }
                if (next == null) {
                    return;
                }
                hurry |= next == HURRY;
                claim |= next == CLAIM;
                batches.add(next);
                files += next.files().size();
            }
        } catch (InterruptedException e) {
            // What was taken is processed; the host's interrupt stops nothing.
            Log.warn("the deletion worker was interrupted; it goes on");
        }
    }

    /**
     * Takes up journal entries that wait for no transaction: those of an earlier run, those the queue had no
     * room for, and those whose references could not be checked. An entry held in memory is not one of them;
     * each round continues after the last entry of the one before.
     */
    private void replay() {
        if (!replayWanted || System.nanoTime() < replayAt) {
            return;
        }
        synchronized (idle) {
            replaying = true;
            replayWanted = false;
        }
        try {
            replayRound();
        } finally {
            synchronized (idle) {
                replaying = false;
                idle.notifyAll();
            }
        }
    }

    private void replayRound() {
        List<Journal.Entry> entries = new ArrayList<>();
        int handed = journal.replay(replayAfter, Math.min(capacity, BATCH), entries::add);
        if (entries.isEmpty()) {
            journal.roundDone();
            replayAfter = 0;
            return;
        }
        if (journal.shared()) {
            Log.debug("claimed {} released file(s) from the journal {}", entries.size(), journal);
        } else {
            counters.countReplayed(entries.size());
            Log.info("replaying {} released file(s) from the journal {}", entries.size(), journal);
        }
        replayAfter = entries.get(entries.size() - 1).number();
        if (handed >= Math.min(capacity, BATCH)) {
            replayWanted = true;
        } else {
            replayAfter = 0;
        }
        List<ReleasedFile> files = entries.stream().map(Journal.Entry::file).toList();
        try {
            process(List.of(new Work(files, entries.stream().mapToLong(Journal.Entry::number).toArray(),
                    entries.stream().mapToLong(Journal.Entry::releasedAt).toArray())));
        } finally {
            journal.roundDone();
        }
    }

    /**
     * Values that cannot be deleted (refused, already gone) are only reported, with the reason. The others
     * are grouped by the file they name, checked together, {@link #BATCH} files a round (a transaction may hold
     * more), and deleted unless some row still names them.
     */
    private void process(List<Work> batches) {
        Map<Path, Target> targets = new LinkedHashMap<>();
        Set<String> undeletable = new HashSet<>();
        Map<Path, Path> folders = new HashMap<>();
        for (Work batch : batches) {
            for (int i = 0; i < batch.files().size(); i++) {
                ReleasedFile file = batch.files().get(i);
                StorageRoots.Resolution resolution = roots.resolve(file.value(), folders);
                if (resolution.refusal() != null || resolution.missing()) {
                    if (undeletable.add(file.value())) {
                        // Reported, never deleted: a file that appears now was not checked against the rows.
                        deleter.report(file, resolution);
                    }
                    journal.settle(batch.entries()[i]);
                    continue;
                }
                targets.computeIfAbsent(resolution.file(),
                        real -> new Target(file, roots.lexical(file.value()), real))
                        .add(file, batch.entries()[i], batch.releasedAt() == null ? 0 : batch.releasedAt()[i]);
            }
        }
        List<Target> all = new ArrayList<>(targets.values());
        for (int from = 0; from < all.size(); from += BATCH) {
            checkAndDelete(all.subList(from, Math.min(all.size(), from + BATCH)));
        }
    }

    private void checkAndDelete(List<Target> targets) {
        long start = System.nanoTime();
        Map<Target, String> keep = check.keep(targets);
        pacing.checked(System.nanoTime() - start);
        for (Target target : targets) {
            String reason = keep.get(target);
            if (reason == null) {
                reason = changedSinceReleased(target);
            }
            if (reason == null) {
                String failure = deleter.delete(target.first());
                target.entries().forEach(entry -> {
                    if (failure == null) {
                        journal.settle(entry);
                    } else {
                        journal.failed(entry, failure);
                    }
                });
                continue;
            }
            if (ReferenceCheck.STILL_REFERENCED.equals(reason)) {
                counters.countKept(Counters.Kept.STILL_REFERENCED);
                Log.info("kept {} ({}): {}", target.first().value(), target.first().origin(), reason);
                target.entries().forEach(journal::settle);
            } else if (reason.equals(EXISTED_BEFORE)) {
                counters.countKept(Counters.Kept.EXISTED_BEFORE);
                Log.info("kept {} ({}): {}", target.first().value(), target.first().origin(), reason);
            } else if (reason.equals(WRITTEN_AGAIN)) {
                // A retry's new upload under the same name: what rollback cleanup expects, nothing to warn about.
                counters.countKept(Counters.Kept.CHANGED);
                Log.info("kept {} ({}): {}", target.first().value(), target.first().origin(), reason);
                target.entries().forEach(journal::settle);
            } else if (reason.startsWith(CHANGED)) {
                counters.countKept(Counters.Kept.CHANGED);
                Log.warn("kept {} ({}): {}", target.first().value(), target.first().origin(), reason);
                target.entries().forEach(journal::settle);
            } else {
                // The entries wait in the journal, and are checked again later.
                counters.countKept(Counters.Kept.UNCHECKED);
                Log.warn("kept {} ({}): {}", target.first().value(), target.first().origin(), reason);
                if (target.entries().stream().anyMatch(entry -> entry != Journal.NOT_JOURNALED)) {
                    journal.completed(target.entries().stream().mapToLong(Long::longValue).toArray(), true);
                    replayWanted = true;
                    replayAt = Math.max(replayAt, System.nanoTime() + RESCAN_UNCHECKED_NANOS);
                }
            }
        }
    }

    private static final String CHANGED = "written after it was released";
    private static final String WRITTEN_AGAIN = "written again after its transaction rolled back";
    /** A file a rolled-back transaction wrote counts as its upload only if modified this shortly before the end. */
    static final long UPLOAD_WINDOW_MILLIS = 3_600_000;
    private static final String EXISTED_BEFORE = "modified more than an hour before its transaction rolled back, "
            + "so not an upload of it";

    /**
     * A replayed value's file that was written after its release is not the file that was released: a new upload
     * under the same name, which no committed row may name yet. So is the file of a rolled-back transaction
     * written again after the rollback: a retry's upload. Why to keep it, or null.
     */
    private static String changedSinceReleased(Target target) {
        if (target.latestReplayedRelease() == 0) {
            return null;
        }
        try {
            long modified = Files.getLastModifiedTime(target.real()).toMillis();
            if (target.first().cause() == ReleasedFile.Cause.WRITTEN
                    && modified < target.latestReplayedRelease() - UPLOAD_WINDOW_MILLIS) {
                // Assigned by the rolled-back transaction, but there long before it (a default image, a file
                // that another JVM's rows name): not its upload.
                return EXISTED_BEFORE;
            }
            if (modified <= target.latestReplayedRelease()) {
                return null;
            }
            return target.first().cause() == ReleasedFile.Cause.WRITTEN ? WRITTEN_AGAIN
                    : CHANGED + " (replayed from the journal)";
        } catch (IOException e) {
            return null;
        }
    }
}
