package dev.filecleanup.sweep;

import dev.filecleanup.Log;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Walks one root from its real path, never following a symbolic link, and spools the orphan candidates: regular
 * files that no exclusion covers, that {@link ReferenceIndex} knows no row for, and that are older than the grace
 * period. A link, a directory or anything else that is not a regular file is never a candidate. Another root
 * nested in this one is left to its own walk. Counts what it saw, for the summary and the wrong-database guard.
 */
final class RootWalk extends SimpleFileVisitor<Path> {
    /** A name no glob of a folder's files should match: a folder whose every file is excluded is not entered. */
    private static final String ANY_FILE = ".filecleanup-any-file";

    long files;
    long referenced;
    /**
     * The first files the filter takes for referenced, to be checked exactly: the filter's false positives alone
     * must never make a root whose files no row names (a wrong database) look referenced.
     */
    final Map<Path, Path> positives = new LinkedHashMap<>();
    static final int POSITIVES = 1_000;
    long excluded;
    long excludedFolders;
    long young;
    long notRegular;
    long unreadable;
    long candidates;

    private final int index;
    private final Path root;
    private final Path realRoot;
    private final Set<Path> otherRealRoots;
    private final List<PathMatcher> exclude = new ArrayList<>();
    private final long youngerThan;
    private final ReferenceIndex references;
    private final Throttle throttle;
    private final Spool spool;
    private final BooleanSupplier stopped;

    /** {@code youngerThan}: epoch milliseconds after which a change makes a file too young to sweep. */
    RootWalk(int index, Path root, Path realRoot, Set<Path> otherRealRoots, List<String> globs, long youngerThan,
             ReferenceIndex references, Throttle throttle, Spool spool, BooleanSupplier stopped) {
        this.index = index;
        this.root = root;
        this.realRoot = realRoot;
        this.otherRealRoots = otherRealRoots;
        globs.forEach(glob -> exclude.add(FileSystems.getDefault().getPathMatcher("glob:" + glob)));
        this.youngerThan = youngerThan;
        this.references = references;
        this.throttle = throttle;
        this.spool = spool;
        this.stopped = stopped;
    }

    /** Walks the whole root, unless the sweep is stopped. */
    void walk() throws IOException {
        Files.walkFileTree(realRoot, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, this);
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        if (stopped.getAsBoolean()) {
            return FileVisitResult.TERMINATE;
        }
        if (dir.equals(realRoot)) {
            return FileVisitResult.CONTINUE;
        }
        if (otherRealRoots.contains(dir)) {
            return FileVisitResult.SKIP_SUBTREE;
        }
        if (excluded(realRoot.relativize(dir).resolve(ANY_FILE))) {
            excludedFolders++;
            return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        throttle.next();
        Path relative = realRoot.relativize(file);
        if (!attributes.isRegularFile()) {
            notRegular++;
        } else if (excluded(relative)) {
            excluded++;
        } else {
            files++;
            if (references.mayBeReferenced(root.resolve(relative), file)) {
                referenced++;
                if (positives.size() < POSITIVES) {
                    positives.put(root.resolve(relative), file);
                }
            } else if (young(file, attributes.lastModifiedTime())) {
                young++;
            } else {
                candidates++;
                spool.add(new Spool.Candidate(index, relative.toString(), attributes.size(),
                        attributes.lastModifiedTime().toMillis()));
            }
        }
        return stopped.getAsBoolean() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
        // Nothing below it is looked at, so nothing below it is deleted: said, and the walk goes on.
        unreadable++;
        Log.warn("sweep: cannot read {}: {}", file, e.toString());
        return FileVisitResult.CONTINUE;
    }

    private boolean excluded(Path relative) {
        for (PathMatcher matcher : exclude) {
            if (matcher.matches(relative)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Modified, or its inode changed (created, renamed or copied into place with an older modification time kept),
     * within the grace period. A time that cannot be read makes the file young.
     */
    static boolean young(Path file, FileTime modified, long youngerThan) {
        if (modified.toMillis() > youngerThan) {
            return true;
        }
        try {
            Object changed = Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
            return changed instanceof FileTime time && time.toMillis() > youngerThan;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        } catch (IOException | SecurityException e) {
            return true;
        }
    }

    private boolean young(Path file, FileTime modified) {
        return young(file, modified, youngerThan);
    }
}
