package dev.filecleanup.sweep;

import dev.filecleanup.cleanup.StoredReferences;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One streamed read of every reference column against the names of a chunk of candidates: which of those names
 * some stored value spells. Names are compared as the reference check compares them when it asks the database
 * (the file name of each spelling of a value, lower-cased), so a candidate whose name no value spells is one the
 * check would find no row for, however the rows spell paths, through whatever link. The others, the few whose
 * name is shared with a stored value, are left to the check itself. Two Bloom filters sized to the chunk hold
 * the names: memory is bounded whatever the rows, and a false positive only sends a candidate to the check.
 */
final class NamePass {
    private final BloomFilter spelled;
    private final long candidates;

    private NamePass(BloomFilter spelled, long candidates) {
        this.spelled = spelled;
        this.candidates = candidates;
    }

    /** Reads the names of up to {@code chunk} candidates from the {@code from}-th, then every reference column. */
    static NamePass read(StoredReferences references, Spool spool, long from, int chunk)
            throws IOException, StoredReferences.Unreadable {
        BloomFilter names = new BloomFilter(chunk);
        long[] read = new long[1];
        spool.read(from, candidate -> {
            names.add(key(candidate));
            return ++read[0] < chunk;
        });
        BloomFilter spelled = new BloomFilter(read[0]);
        references.everyValue(value -> {
            for (Path path : references.paths(value)) {
                String key = StoredReferences.key(path);
                if (names.mightContain(key)) {
                    spelled.add(key);
                }
            }
        });
        return new NamePass(spelled, read[0]);
    }

    /** Whether some stored value may name a file of this candidate's name: then only the exact check decides. */
    boolean mayBeNamed(Spool.Candidate candidate) {
        return spelled.mightContain(key(candidate));
    }

    /** How many candidates this pass covers, from where it started. */
    long candidates() {
        return candidates;
    }

    private static String key(Spool.Candidate candidate) {
        return StoredReferences.key(Path.of(candidate.relative()));
    }
}
