package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #4: concurrent transactions with random removals, replacements, shared files and rollbacks, checked
 * against an oracle once everything is quiet. Fixed seed; {@code -Dtestapp.stress.transactions=N} (per thread)
 * runs it longer.
 */
class StressIT {
    private static final long SEED = Long.getLong("testapp.stress.seed", 20261128L);
    private static final int THREADS = 4;
    private static final int TRANSACTIONS = Integer.getInteger("testapp.stress.transactions", 250);

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void committedReferencesSurviveAndEverythingReleasedIsDeleted(Database database) throws Exception {
        Path root = Files.createDirectories(temp.resolve("uploads"));

        AgentRun.Result result = AgentRun.in(root).database(database)
                .scenario("stress", String.valueOf(SEED), String.valueOf(THREADS), String.valueOf(TRANSACTIONS))
                .succeeded();

        Set<String> referenced = new HashSet<>(Files.readAllLines(temp.resolve("uploads-referenced.txt")));
        Set<String> released = new HashSet<>(Files.readAllLines(temp.resolve("uploads-committed.txt")));
        released.removeAll(referenced);
        int present = 0;
        for (String path : referenced) {
            if (path.startsWith("stress/") || path.startsWith("../")) {
                assertTrue(Files.exists(root.resolve(path)), path + " is referenced by a committed row but gone");
                present++;
            }
        }
        int deleted = 0;
        for (String path : released) {
            if (path.startsWith("stress/")) {
                assertTrue(Files.notExists(root.resolve(path)), path + " is referenced by no row but still there");
                deleted++;
            }
        }
        int outside = 0;
        for (String path : released) {
            if (path.startsWith("../")) {
                assertTrue(Files.exists(root.resolve(path)), path + " is outside the upload folder but was deleted");
                outside++;
            }
        }

        Matcher summary = Pattern.compile("summary: (\\d+) deleted.*?(\\d+) refused").matcher(result.output());
        assertTrue(summary.find(), result.output());
        Matcher workload = Pattern.compile("stress: .*").matcher(result.output());
        assertTrue(workload.find(), result.output());
        System.out.printf("%s %s; oracle: %d referenced files present, %d released files gone, %d released files "
                        + "outside the root kept; agent: %s deleted, %s refused%n", database, workload.group(), present,
                deleted, outside, summary.group(1), summary.group(2));
        assertTrue(Integer.parseInt(summary.group(2)) > 0, "the workload released no unsafe value");
    }
}
