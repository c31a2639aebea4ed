package dev.filecleanup.sweep;

import dev.filecleanup.cleanup.StoredReferences;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every path that some row references, read once from every reference column and kept as a {@link BloomFilter}
 * of file paths. A stored value counts under each path the reference check would compare: as it is spelled once
 * normalised, and as the file under the root's real path (so that a root reached through a symbolic link, or
 * another link to it, still counts). Only values outside every root cost a look at the disk, for the real path
 * of their folder, cached for a bounded number of folders.
 */
final class ReferenceIndex {
    private static final int FOLDERS = 10_000;
    private static final Path NONE = Path.of("/");

    private final StoredReferences references;
    private final List<Path> roots = new ArrayList<>();
    private final List<Path> realRoots = new ArrayList<>();
    private final BloomFilter filter;
    private final Map<Path, Path> folders = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Path> eldest) {
            return size() > FOLDERS;
        }
    };

    ReferenceIndex(StoredReferences references, long values) {
        this.references = references;
        for (Path root : references.roots()) {
            Path real = references.realRoot(root);
            if (real != null) {
                roots.add(root);
                realRoots.add(real);
            }
        }
        // A value counts about twice: as spelled, and under the root's real path.
        this.filter = new BloomFilter(values * 2);
    }

    /** Reads every reference column: one count and one full read each. */
    static ReferenceIndex read(StoredReferences references) throws StoredReferences.Unreadable {
        ReferenceIndex index = new ReferenceIndex(references, references.count());
        references.everyValue(index::add);
        return index;
    }

    void add(String value) {
        for (Path path : references.paths(value)) {
            filter.add(path.toString());
            Path real = underRealRoot(path);
            if (real == null) {
                real = throughRealFolder(path);
            }
            if (real != null && !real.equals(path)) {
                filter.add(real.toString());
            }
        }
    }

    /** Whether some row may name the file at {@code lexical}, whose real path is {@code real}. */
    boolean mayBeReferenced(Path lexical, Path real) {
        return filter.mightContain(lexical.toString()) || filter.mightContain(real.toString());
    }

    BloomFilter filter() {
        return filter;
    }

    /** The path under the real root of the root it lies in, configured or real; null outside every root. */
    private Path underRealRoot(Path path) {
        for (int i = 0; i < roots.size(); i++) {
            if (path.startsWith(realRoots.get(i))) {
                return path;
            }
            if (path.startsWith(roots.get(i))) {
                return realRoots.get(i).resolve(roots.get(i).relativize(path));
            }
        }
        return null;
    }

    /** A value outside every root may still reach one through a link on its way: its folder's real path. */
    private Path throughRealFolder(Path path) {
        Path folder = path.getParent();
        if (folder == null || path.getFileName() == null) {
            return null;
        }
        Path real = folders.get(folder);
        if (real == null) {
            try {
                real = folder.toRealPath();
            } catch (IOException | SecurityException e) {
                real = NONE;
            }
            folders.put(folder, real);
        }
        return real == NONE ? null : underRealRoot(real.resolve(path.getFileName()));
    }
}
