package dev.filecleanup.cleanup;

import dev.filecleanup.capture.ReleasedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One file that released values name and that exists: what the reference check asks about. Several values,
 * spelled differently or released by different tenants and columns, may name the same target.
 */
final class Target {
    private final ReleasedFile first;
    private final Path lexical;
    private final Path real;
    private final Set<Object> tenants = new LinkedHashSet<>();
    private final Set<String> columns = new LinkedHashSet<>();
    private final List<Long> entries = new ArrayList<>();
    private long latestReplayedRelease;

    /** {@code lexical}: the path as the first value spells it; {@code real}: the file itself. */
    Target(ReleasedFile first, Path lexical, Path real) {
        this.first = first;
        this.lexical = lexical;
        this.real = real;
    }

    /**
     * {@code entry}: its journal entry; {@code releasedAt}: when a replayed entry was written, or its rolled-back
     * transaction ended, else 0.
     */
    void add(ReleasedFile file, long entry, long releasedAt) {
        tenants.add(file.tenant());
        columns.add(file.column());
        entries.add(entry);
        latestReplayedRelease = Math.max(latestReplayedRelease, releasedAt);
    }

    List<Long> entries() {
        return entries;
    }

    /** When the latest replayed value naming this file was released (epoch milliseconds); 0 if none was. */
    long latestReplayedRelease() {
        return latestReplayedRelease;
    }

    /** The first value released for this file, for the log and the deletion. */
    ReleasedFile first() {
        return first;
    }

    Path lexical() {
        return lexical;
    }

    Path real() {
        return real;
    }

    Set<Object> tenants() {
        return tenants;
    }

    Set<String> columns() {
        return columns;
    }

    /** The file names a row may spell this file with, as stored: the lexical and the real one. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        names.add(lexical.getFileName().toString());
        names.add(real.getFileName().toString());
        return names;
    }

    /**
     * The key candidates are looked up by: the file name, lower-cased so that a database's case-insensitive
     * match still finds its targets. The comparison that decides is exact.
     */
    static String key(Path path) {
        Path name = path.getFileName();
        return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    }
}
