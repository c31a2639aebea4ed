package dev.filecleanup.cleanup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a stored value may name a file we delete. A value qualifies only if it resolves to a regular
 * file strictly inside one configured root, reached without any symbolic link below that root. Every refusal
 * carries its reason so it can be logged.
 */
final class StorageRoots {
    private final List<Path> roots;

    StorageRoots(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The outcome of resolving one value: a file to delete, a file that is already gone, or a refusal. */
    record Resolution(Path file, boolean missing, String refusal) {
        static Resolution refuse(String reason) {
            return new Resolution(null, false, reason);
        }
    }

    Resolution resolve(String value) {
        if (value == null || value.isBlank()) {
            return Resolution.refuse("blank value");
        }
        if (roots.isEmpty()) {
            return Resolution.refuse("no storage roots configured");
        }
        Path candidate;
        try {
            Path raw = Path.of(value);
            candidate = (raw.isAbsolute() ? raw : roots.get(0).resolve(raw)).normalize();
        } catch (InvalidPathException e) {
            return Resolution.refuse("not a valid path: " + e.getReason());
        }
        for (Path root : roots) {
            if (candidate.startsWith(root) && !candidate.equals(root)) {
                return inspect(root, candidate);
            }
        }
        return Resolution.refuse("outside the storage roots " + roots);
    }

    /**
     * Every way a row may spell the same file: the value itself, its absolute form, and its form relative to each
     * root. The reference check looks for all of them, so a file stored once as {@code docs/a.pdf} and once as
     * {@code /srv/uploads/docs/a.pdf} is still referenced.
     */
    Set<String> spellings(String value) {
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(value);
        if (roots.isEmpty()) {
            return spellings;
        }
        try {
            Path raw = Path.of(value);
            Path absolute = (raw.isAbsolute() ? raw : roots.get(0).resolve(raw)).normalize();
            spellings.add(absolute.toString());
            for (Path root : roots) {
                if (absolute.startsWith(root) && !absolute.equals(root)) {
                    spellings.add(root.relativize(absolute).toString());
                }
            }
        } catch (InvalidPathException e) {
            // only the value itself
        }
        return spellings;
    }

    private static Resolution inspect(Path root, Path candidate) {
        try {
            // The real path must be the lexical path with only the root itself canonicalised: any symbolic link
            // below the root (on the file or on a directory on the way) could lead outside it.
            Path expected = root.toRealPath().resolve(root.relativize(candidate));
            Path real = candidate.toRealPath();
            if (!real.equals(expected)) {
                return Resolution.refuse("reached through a symbolic link (resolves to " + real + ")");
            }
            if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
                return Resolution.refuse("is a directory");
            }
            if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                return Resolution.refuse("is not a regular file");
            }
            return new Resolution(real, false, null);
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(candidate)) {
                return Resolution.refuse("is a dangling symbolic link");
            }
            return new Resolution(candidate, true, null);
        } catch (IOException | SecurityException e) {
            return Resolution.refuse("cannot be inspected: " + e);
        }
    }
}
