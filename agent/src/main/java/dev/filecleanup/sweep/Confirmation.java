package dev.filecleanup.sweep;

import dev.filecleanup.cleanup.StoredReferences;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The last step of a sweep: each spooled candidate confirmed against the rows as they are now, right before it is
 * reported or deleted, since rows may name it since the walk. A chunk of candidates at a time, a {@link NamePass}
 * (one more read of every column) tells which candidates no row can name; the few it cannot clear go through the
 * reference check itself, batch by batch. A pass holds for a bounded time and while no SessionFactory is added:
 * then the next pass starts where the last one stopped. A candidate changed within the grace period since the walk,
 * or gone, is skipped; any verdict short of "referenced" or "not referenced" ends the sweep with the rest kept.
 */
final class Confirmation {
    /** What is done with each orphan that the rows were just read for. */
    interface Orphan {
        void accept(Path file, Spool.Candidate candidate) throws IOException;
    }

    private final StoredReferences references;
    private final List<Path> roots;
    private final List<Path> realRoots;
    private final BooleanSupplier stopped;
    private final int batch;
    private final long youngerThan;
    private final Sweep.Limits limits;
    /** Deleted so far, for the message of a sweep that ends early. */
    private final LongSupplier deleted;
    private long passes;
    private long checkedExactly;
    private long referencedSinceWalk;
    private long changedSinceWalk;

    Confirmation(StoredReferences references, List<Path> roots, List<Path> realRoots, BooleanSupplier stopped,
                 int batch, long youngerThan, Sweep.Limits limits, LongSupplier deleted) {
        this.references = references;
        this.roots = roots;
        this.realRoots = realRoots;
        this.stopped = stopped;
        this.batch = batch;
        this.youngerThan = youngerThan;
        this.limits = limits;
        this.deleted = deleted;
    }

    /** Feeds {@code orphan} the candidates that no row names now, and that are still old enough. */
    void confirmed(Spool spool, Orphan orphan) throws Sweep.Stop, IOException {
        long next = 0;
        while (next < spool.count()) {
            next = chunk(spool, next, orphan);
        }
    }

    /** One pass, and the candidates it holds for; where the next pass starts. */
    private long chunk(Spool spool, long from, Orphan orphan) throws Sweep.Stop, IOException {
        NamePass pass;
        try {
            pass = NamePass.read(references, spool, from, limits.chunk());
        } catch (StoredReferences.Unreadable e) {
            throw aborted(e.getMessage());
        }
        passes++;
        int factories = references.factories();
        long until = System.nanoTime() + limits.passHoldsNanos();
        Map<Path, Spool.Candidate> named = new LinkedHashMap<>();
        long[] next = {from};
        Sweep.Stop[] stop = new Sweep.Stop[1];
        spool.read(from, candidate -> {
            if (next[0] > from && (next[0] - from == pass.candidates() || System.nanoTime() - until > 0
                    || references.factories() != factories)) {
                return false;
            }
            next[0]++;
            Path file = roots.get(candidate.root()).resolve(candidate.relative());
            if (pass.mayBeNamed(candidate)) {
                named.put(file, candidate);
                stop[0] = named.size() < batch ? null : check(named, orphan);
            } else {
                stop[0] = stoppedOrUnreadable();
                if (stop[0] == null && !changed(real(candidate))) {
                    orphan.accept(file, candidate);
                }
            }
            return stop[0] == null;
        });
        if (stop[0] == null) {
            stop[0] = check(named, orphan);
        }
        if (stop[0] != null) {
            throw stop[0];
        }
        return next[0];
    }

    /** The candidates some value may name, through the reference check's exact verdict. */
    private Sweep.Stop check(Map<Path, Spool.Candidate> named, Orphan orphan) throws IOException {
        if (named.isEmpty()) {
            return null;
        }
        Map<Path, Path> files = new LinkedHashMap<>();
        named.forEach((file, candidate) -> files.put(file, real(candidate)));
        Set<Path> referenced;
        try {
            referenced = references.referenced(files);
        } catch (StoredReferences.Unreadable e) {
            return aborted(e.getMessage());
        }
        checkedExactly += named.size();
        referencedSinceWalk += referenced.size();
        for (Map.Entry<Path, Spool.Candidate> entry : named.entrySet()) {
            Sweep.Stop stop = stoppedOrUnreadable();
            if (stop != null) {
                return stop;
            }
            if (!referenced.contains(entry.getKey()) && !changed(files.get(entry.getKey()))) {
                orphan.accept(entry.getKey(), entry.getValue());
            }
        }
        named.clear();
        return null;
    }

    /** What confirming the candidates took and found, for the sweep's outcome line. */
    String summary() {
        return passes + " confirming read(s) of the columns, " + checkedExactly + " candidate(s) checked exactly, "
                + referencedSinceWalk + " referenced after all, " + changedSinceWalk + " changed since the walk";
    }

    /** Exiting, or some SessionFactory closed or gave up a column since the pass: its rows were not read. */
    private Sweep.Stop stoppedOrUnreadable() {
        if (stopped.getAsBoolean()) {
            return new Sweep.Stop("sweep stopped: the JVM is exiting; the rest is kept (" + deleted.getAsLong()
                    + " deleted)");
        }
        String notReadable = references.notReadable();
        return notReadable == null ? null : aborted(notReadable);
    }

    private Sweep.Stop aborted(String why) {
        return new Sweep.Stop("sweep aborted: " + why + "; the remaining files are kept ("
                + deleted.getAsLong() + " deleted before)");
    }

    private Path real(Spool.Candidate candidate) {
        return realRoots.get(candidate.root()).resolve(candidate.relative());
    }

    /** Gone since the walk, or changed within the grace period: it is not the file that was found orphaned. */
    private boolean changed(Path real) {
        try {
            BasicFileAttributes now = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (now.isRegularFile() && !RootWalk.young(real, now.lastModifiedTime(), youngerThan)) {
                return false;
            }
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException | SecurityException e) {
            // Uninspectable now: kept.
        }
        changedSinceWalk++;
        return true;
    }
}
