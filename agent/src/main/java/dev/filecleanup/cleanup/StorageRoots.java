package dev.filecleanup.cleanup;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides what file a stored value names, and whether we may delete it. Relative values resolve against the
 * first root. A value qualifies for deletion only if it resolves to a regular file strictly inside one root
 * (as configured, or as its real path when the root is reached through a symbolic link), with no symbolic link
 * below that root. Every refusal carries its reason so it can be logged.
 */
final class StorageRoots {
    private final List<Path> roots;
    /** Each root's real path, computed once; a root mounted later is looked at again until it exists. */
    private final Map<Path, Path> realRoots = new ConcurrentHashMap<>();

    StorageRoots(List<Path> roots) {
        this.roots = List.copyOf(roots);
        roots.forEach(this::realRoot);
    }

    /** The outcome of resolving one value: a file to delete, a file that is already gone, or a refusal. */
    record Resolution(Path file, boolean missing, Refusal kind, String refusal) {
        static Resolution refuse(Refusal kind, String reason) {
            return new Resolution(null, false, kind, reason);
        }
    }

    /**
     * The absolute, lexically normalised path a value names, the way a deletion reads it; null when the value is
     * not a path. A {@code file:} URI names its path; anything that is not a valid one is read as a path.
     */
    Path lexical(String value) {
        if (value == null || value.isBlank() || roots.isEmpty()) {
            return null;
        }
        try {
            Path raw = fileUri(value);
            raw = raw == null ? Path.of(value) : raw;
            return (raw.isAbsolute() ? raw : roots.get(0).resolve(raw)).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static Path fileUri(String value) {
        if (!value.regionMatches(true, 0, "file:", 0, 5)) {
            return null;
        }
        try {
            return Path.of(new URI(value));
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return null;
        }
    }

    /** Resolves a value as its deletion must: every folder on the way is looked at now. */
    Resolution resolve(String value) {
        return resolve(value, null);
    }

    /**
     * {@code folders}: the real paths of the folders that earlier values of the same round led through, or null to
     * look at each folder now. A look ahead (which values need no check, and what file each names) may reuse them;
     * the deletion resolves its value again, without them, so that a folder replaced meanwhile by a symbolic link
     * is still refused.
     */
    Resolution resolve(String value, Map<Path, Path> folders) {
        if (value == null || value.isBlank()) {
            return Resolution.refuse(Refusal.BLANK_VALUE, "blank value");
        }
        if (roots.isEmpty()) {
            return Resolution.refuse(Refusal.NO_ROOTS, "no storage roots configured");
        }
        Path candidate = lexical(value);
        if (candidate == null) {
            return Resolution.refuse(Refusal.INVALID_PATH, "not a valid path");
        }
        for (Path root : roots) {
            Path real = realRoot(root);
            for (Path base : real == null ? List.of(root) : List.of(root, real)) {
                if (candidate.startsWith(base) && !candidate.equals(base)) {
                    return inspect(real, base.relativize(candidate), candidate, folders);
                }
            }
        }
        return Resolution.refuse(Refusal.OUTSIDE_ROOTS, "outside the storage roots " + roots);
    }

    /** The configured roots, in their order. */
    List<Path> roots() {
        return roots;
    }

    /** A root's real path, or null while it cannot be read. */
    Path realRoot(Path root) {
        return realRoots.computeIfAbsent(root, r -> {
            try {
                return r.toRealPath();
            } catch (IOException | SecurityException e) {
                return null;
            }
        });
    }

    /** {@code relative} names the file below a root whose real path is {@code realRoot}. */
    private static Resolution inspect(Path realRoot, Path relative, Path candidate, Map<Path, Path> folders) {
        if (realRoot == null) {
            return Resolution.refuse(Refusal.ROOT_MISSING, "its storage root is not there");
        }
        try {
            // The real path must be the lexical path with only the root itself canonicalised: any symbolic link
            // below the root (on the file or on a directory on the way) could lead outside it. The folder is
            // resolved, and the file itself looked at without following it, which also tells its type: two
            // system calls fewer than resolving the file and then asking its type twice.
            Path expected = realRoot.resolve(relative);
            Path folder = folders == null ? candidate.getParent().toRealPath()
                    : realFolder(candidate.getParent(), folders);
            if (!folder.equals(expected.getParent())) {
                return Resolution.refuse(Refusal.SYMBOLIC_LINK, "reached through a symbolic link (resolves to "
                        + folder.resolve(expected.getFileName()) + ")");
            }
            BasicFileAttributes attributes = Files.readAttributes(expected, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                return link(expected);
            }
            if (attributes.isDirectory()) {
                return Resolution.refuse(Refusal.DIRECTORY, "is a directory");
            }
            if (!attributes.isRegularFile()) {
                return Resolution.refuse(Refusal.NOT_REGULAR_FILE, "is not a regular file");
            }
            return new Resolution(expected, false, null, null);
        } catch (NoSuchFileException e) {
            return new Resolution(candidate, true, null, null);
        } catch (IOException | SecurityException e) {
            return Resolution.refuse(Refusal.UNINSPECTABLE, "cannot be inspected: " + e);
        }
    }

    private static Path realFolder(Path folder, Map<Path, Path> folders) throws IOException {
        Path real = folders.get(folder);
        if (real == null) {
            real = folder.toRealPath();
            folders.put(folder, real);
        }
        return real;
    }

    /** The file itself is a symbolic link: refused, saying where it leads. */
    private static Resolution link(Path file) {
        try {
            return Resolution.refuse(Refusal.SYMBOLIC_LINK,
                    "reached through a symbolic link (resolves to " + file.toRealPath() + ")");
        } catch (NoSuchFileException e) {
            return Resolution.refuse(Refusal.SYMBOLIC_LINK, "is a dangling symbolic link");
        } catch (IOException | SecurityException e) {
            return Resolution.refuse(Refusal.UNINSPECTABLE, "cannot be inspected: " + e);
        }
    }
}
