package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Concurrent transactions with random removals, replacements, shared files and rollbacks, checked against an
 * oracle once everything is quiet. Fixed seed; {@code -Dtestapp.stress.transactions=N} (per thread) runs it longer.
 */
class StressIT {
    private static final long SEED = Long.getLong("testapp.stress.seed", 20261128L);
    private static final int THREADS = 4;
    private static final int TRANSACTIONS = Integer.getInteger("testapp.stress.transactions", 250);

    @TempDir
    Path temp;

    private static Set<Path> files(Path root, Path list) throws Exception {
        Set<Path> files = new HashSet<>();
        for (String value : Files.readAllLines(list)) {
            files.add(root.resolve(value).normalize());
        }
        return files;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void committedReferencesSurviveAndEverythingReleasedIsDeleted(Database database) throws Exception {
        Path root = Files.createDirectories(temp.resolve("uploads"));

        AgentRun.Result result = AgentRun.in(root).database(database)
                .scenario("stress", String.valueOf(SEED), String.valueOf(THREADS), String.valueOf(TRANSACTIONS))
                .succeeded();

        // The oracle compares files: the same file may be stored under several spellings.
        Set<Path> referenced = files(root, temp.resolve("uploads-referenced.txt"));
        Set<Path> released = files(root, temp.resolve("uploads-committed.txt"));
        released.removeAll(referenced);
        for (Path file : referenced) {
            assertTrue(Files.exists(file), file + " is referenced by a committed row but gone");
        }
        long inside = 0;
        long outside = 0;
        for (Path file : released) {
            if (!file.startsWith(root)) {
                assertTrue(Files.exists(file), file + " is outside the upload folder but was deleted");
                outside++;
            } else {
                assertTrue(Files.notExists(file), file + " is referenced by no row but still there");
                inside++;
            }
        }
        System.out.printf("%s: %d released files inside the root, %d outside, %d still referenced%n",
                database, inside, outside, referenced.size());
        assertTrue(inside > 0 && outside > 0, "the workload released too little to prove anything");
        // Every value committed data stopped referencing was deleted exactly once, or refused exactly once.
        assertEquals(inside, result.summary("deleted"), "deleted");
        assertEquals(outside, result.summary("refused"), "refused");
        assertEquals(0, result.summary("failed"), "failed");
    }
}
