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
 * The last step of a sweep: the spooled candidates, batch by batch, through the reference check's exact verdict,
 * right before each batch is reported or deleted, since rows may name them since the walk. A candidate changed
 * within the grace period since the walk, or gone, is skipped; any verdict short of "referenced" or "not
 * referenced" ends the sweep with the rest kept.
 */
final class Confirmation {
    /** What is done with each orphan that the exact check confirms. */
    interface Orphan {
        void accept(Path file, Spool.Candidate candidate) throws IOException;
    }

    private final StoredReferences references;
    private final List<Path> roots;
    private final List<Path> realRoots;
    private final BooleanSupplier stopped;
    private final int batch;
    private final long youngerThan;
    /** Deleted so far, for the message of a sweep that ends early. */
    private final LongSupplier deleted;
    long referencedSinceWalk;
    long changedSinceWalk;

    Confirmation(StoredReferences references, List<Path> roots, List<Path> realRoots, BooleanSupplier stopped,
                 int batch, long youngerThan, LongSupplier deleted) {
        this.references = references;
        this.roots = roots;
        this.realRoots = realRoots;
        this.stopped = stopped;
        this.batch = batch;
        this.youngerThan = youngerThan;
        this.deleted = deleted;
    }

    /** Feeds {@code orphan} the candidates that no row names now, and that are still old enough, batch by batch. */
    void confirmed(Spool spool, Orphan orphan) throws Sweep.Stop, IOException {
        Map<Path, Spool.Candidate> pending = new LinkedHashMap<>();
        Sweep.Stop[] stop = new Sweep.Stop[1];
        spool.readAll(candidate -> {
            if (stop[0] == null) {
                pending.put(roots.get(candidate.root()).resolve(candidate.relative()), candidate);
                if (pending.size() >= batch) {
                    stop[0] = confirm(pending, orphan);
                }
            }
        });
        if (stop[0] == null) {
            stop[0] = confirm(pending, orphan);
        }
        if (stop[0] != null) {
            throw stop[0];
        }
    }

    private Sweep.Stop confirm(Map<Path, Spool.Candidate> pending, Orphan orphan) throws IOException {
        if (pending.isEmpty() || stopped.getAsBoolean()) {
            pending.clear();
            return stopped.getAsBoolean() ? new Sweep.Stop("sweep stopped: the JVM is exiting; the rest is kept")
                    : null;
        }
        Map<Path, Path> files = new LinkedHashMap<>();
        pending.forEach((file, candidate) -> files.put(file, realRoots.get(candidate.root())
                .resolve(candidate.relative())));
        Set<Path> referenced;
        try {
            referenced = references.referenced(files);
        } catch (StoredReferences.Unreadable e) {
            return new Sweep.Stop("sweep aborted: " + e.getMessage() + "; the remaining files are kept ("
                    + deleted.getAsLong() + " deleted before)");
        }
        referencedSinceWalk += referenced.size();
        for (Map.Entry<Path, Spool.Candidate> entry : pending.entrySet()) {
            if (stopped.getAsBoolean()) {
                return new Sweep.Stop("sweep stopped: the JVM is exiting; the rest is kept (" + deleted.getAsLong()
                        + " deleted)");
            }
            if (!referenced.contains(entry.getKey()) && !changed(files.get(entry.getKey()))) {
                orphan.accept(entry.getKey(), entry.getValue());
            }
        }
        pending.clear();
        return null;
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
