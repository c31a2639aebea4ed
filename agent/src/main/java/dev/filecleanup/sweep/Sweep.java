package dev.filecleanup.sweep;

import dev.filecleanup.cleanup.StoredReferences;
import dev.filecleanup.config.SweepSetting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * One sweep, in three steps, each of which may end it with every file kept. It reads every reference column once
 * into a {@link ReferenceIndex}; walks every root, spooling the files that no row names and that are older than the
 * grace period; and then confirms the candidates against the rows as they are right before it reports or deletes
 * them ({@link Confirmation}). Its outcome is one line.
 */
final class Sweep {
    /**
     * How many candidates one confirming pass over the columns covers at most (its two filters take 16 bits per
     * candidate each), and for how long after it was read it holds.
     */
    record Limits(int chunk, long passHoldsNanos) {
        static final Limits DEFAULT = new Limits(1_000_000, 60_000_000_000L);
    }

    /** Why a sweep ends early; its message is the outcome line. */
    static final class Stop extends Exception {
        Stop(String message) {
            super(message);
        }
    }

    private final SweepSetting setting;
    private final StoredReferences references;
    private final BooleanSupplier stopped;
    private final Throttle throttle;
    private final List<Path> roots = new ArrayList<>();
    private final List<Path> realRoots = new ArrayList<>();
    private final List<RootWalk> walks = new ArrayList<>();
    private final int batch;
    private final Limits limits;
    private Confirmation confirmation;
    private long deleted;
    private long notDeleted;
    private long failed;

    Sweep(SweepSetting setting, StoredReferences references, BooleanSupplier stopped) {
        this(setting, references, stopped, Limits.DEFAULT);
    }

    Sweep(SweepSetting setting, StoredReferences references, BooleanSupplier stopped, Limits limits) {
        this.setting = setting;
        this.limits = limits;
        this.references = references;
        this.stopped = stopped;
        this.throttle = new Throttle(setting.rate(), stopped);
        // A check holds for the few seconds its batch takes to delete at the configured pace, not for minutes.
        this.batch = (int) Math.max(100, Math.min(5_000, setting.rate() * 5L));
    }

    /** Runs the sweep; the line that says what it did, or why it did nothing. */
    String run() throws Stop {
        String notReadable = references.notReadable();
        if (notReadable != null) {
            throw new Stop("sweep refused: " + notReadable + "; every file is kept");
        }
        for (Path root : references.roots()) {
            Path real = references.realRoot(root);
            if (real == null || !Files.isDirectory(real)) {
                throw new Stop("sweep refused: storage root " + root + " is not there; every file is kept");
            }
            roots.add(root);
            realRoots.add(real);
        }
        try (SweepLock lock = SweepLock.take(realRoots)) {
            return locked();
        } catch (IOException e) {
            throw new Stop((e.getMessage() != null && e.getMessage().startsWith("another sweep") ? "sweep skipped: "
                    : "sweep refused: cannot lock the storage roots: ") + e.getMessage());
        }
    }

    private String locked() throws Stop, IOException {
        Instant started = Instant.now();
        long youngerThan = started.toEpochMilli() - setting.minAge().toMillis();
        try (Spool spool = new Spool(setting.reports())) {
            String filtered = walk(youngerThan, spool);
            if (stopped.getAsBoolean()) {
                throw new Stop("sweep stopped: the JVM is exiting; every file is kept");
            }
            String unreferenced = unreferencedRoots();
            if (!unreferenced.isEmpty() && setting.mode() == SweepSetting.Mode.DELETE && !setting.force()) {
                throw new Stop("sweep refused: " + unreferenced + " (the wrong database?); nothing is deleted. "
                        + "filecleanup.sweep.force=true deletes them anyway");
            }
            confirmation = new Confirmation(references, roots, realRoots, stopped, batch, youngerThan, limits,
                    () -> deleted);
            String outcome = setting.mode() == SweepSetting.Mode.REPORT ? report(spool, started) : delete(spool);
            return (unreferenced.isEmpty() ? "" : "warning, " + unreferenced + "; ") + outcome + "; "
                    + new WalkTotals(walks).summary(setting.minAge()) + "; " + confirmation.summary() + "; " + filtered;
        }
    }

    /**
     * Reads the rows into a filter and walks every root against it; what the filter held. The filter is dropped
     * once the walk is done: what follows reads the rows again.
     */
    private String walk(long youngerThan, Spool spool) throws Stop, IOException {
        ReferenceIndex index;
        try {
            index = ReferenceIndex.read(references);
        } catch (StoredReferences.Unreadable e) {
            throw new Stop("sweep aborted: " + e.getMessage() + "; every file is kept");
        }
        for (int i = 0; i < roots.size(); i++) {
            Set<Path> others = new HashSet<>(realRoots);
            others.remove(realRoots.get(i));
            RootWalk walk = new RootWalk(i, roots.get(i), realRoots.get(i), others, setting.exclude(),
                    youngerThan, index, throttle, spool, stopped);
            walks.add(walk);
            walk.walk();
        }
        return index.filter().added() + " referenced path(s) in a filter of " + index.filter().bytes() / 1024
                + " KiB";
    }

    /**
     * Roots that hold orphan candidates and no file that any row names: what a wrong database looks like. The files
     * the filter takes for referenced are checked exactly first (up to {@link RootWalk#POSITIVES} of them), since
     * the filter's false positives would otherwise hide a root that no row names.
     */
    private String unreferencedRoots() throws Stop {
        List<String> roots = new ArrayList<>();
        for (RootWalk walk : walks) {
            boolean referenced;
            try {
                referenced = walk.referenced > 0 && !references.referenced(walk.positives).isEmpty();
            } catch (StoredReferences.Unreadable e) {
                throw new Stop("sweep aborted: " + e.getMessage() + "; every file is kept");
            }
            if (walk.candidates > 0 && !referenced) {
                roots.add("storage root " + this.roots.get(walks.indexOf(walk)) + " holds " + walk.files
                        + " file(s) and no row references any of them");
            }
        }
        return String.join("; ", roots);
    }

    private String report(Spool spool, Instant started) throws Stop, IOException {
        try (SweepReport report = new SweepReport(setting.reports(), started)) {
            confirmation.confirmed(spool, (file, candidate) -> report.add(file, candidate.size(),
                    candidate.modified()));
            report.complete();
            return "sweep report " + report.file() + ": " + report.lines() + " orphan(s), nothing deleted";
        }
    }

    private String delete(Spool spool) throws Stop, IOException {
        confirmation.confirmed(spool, (file, candidate) -> {
            throttle.next();
            String failure = references.delete(file);
            if (failure != null) {
                failed++;
            } else if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
                deleted++;
            } else {
                notDeleted++;
            }
        });
        return "sweep deleted " + deleted + " orphan(s)" + (failed > 0 ? ", " + failed + " could not be deleted" : "")
                + (notDeleted > 0 ? ", " + notDeleted + " refused or left by a dry run" : "");
    }
}
