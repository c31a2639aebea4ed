package dev.filecleanup.cleanup;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides whether a value a row holds names a target file, resolving it exactly as a deletion would:
 * normalised, relative values against the first root, and then by real path, so that symbolic links to a root
 * and other spellings of the same file count. When a real path cannot be read for a reason other than absence,
 * the answer is yes: keep rather than delete. Real paths are cached for one check.
 */
final class SameFile {
    /** What {@link #realPath} answers when nothing is there, and when it cannot tell. */
    static final Path MISSING = Path.of("/");
    static final Path UNKNOWN = Path.of(".");

    private final StorageRoots roots;
    private final Map<Path, Path> realPaths = new HashMap<>();

    SameFile(StorageRoots roots) {
        this.roots = roots;
    }

    /** The lexical path of a stored value, or null when it is not a path. */
    Path lexical(String value) {
        return roots.lexical(value);
    }

    /** Whether {@code lexical}, a stored value's path, is the target's file. */
    boolean names(Path lexical, Target target) {
        if (lexical.equals(target.lexical()) || lexical.equals(target.real())) {
            return true;
        }
        Path real = realPaths.computeIfAbsent(lexical, SameFile::realPath);
        return real == UNKNOWN || real.equals(target.real());
    }

    static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (IOException | SecurityException e) {
            return UNKNOWN;
        }
    }
}
