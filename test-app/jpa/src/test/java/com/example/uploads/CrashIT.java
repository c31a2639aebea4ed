package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JVM halts ({@code Runtime.halt}, as {@code kill -9} would) again and again in the middle of a workload,
 * with the file journal and with the table journal: after the flush, inside the commit before and after the
 * database commits, after the commit, and at random moments (in a deletion, in an append). Each start replays
 * what the previous one left.
 * At the end, every file that committed data ever named is checked: still there if a row names it, gone if none
 * does. The file journal is tested on H2 only: the database plays no part in it. Each round halts at the next
 * kind of point; {@code -Dtestapp.crash.rounds=N} (default 5) runs longer.
 */
class CrashIT {
    private static final long SEED = Long.getLong("testapp.crash.seed", 20261129L);
    private static final int ROUNDS = Integer.getInteger("testapp.crash.rounds", 5);
    /** The journals to test; the lines other than the main ones test the table journal only. */
    private static final String JOURNALS = System.getProperty("testapp.crash.journals", "file,table");
    private static final int TRANSACTIONS = 25;
    private static final List<String> POINTS = List.of("after-database-commit", "before-database-commit", "flushed",
            "after-commit", "random");
    private static final Pattern REPLAYED = Pattern.compile("replaying (\\d+) released file");

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void withTheFileJournalEveryReleasedFileGoesAndEveryReferencedOneStays(Database database) throws Exception {
        Assumptions.assumeTrue(JOURNALS.contains("file") && database == Database.H2,
                "the file journal is tested on H2 only, where testapp.crash.journals names it");
        crashAgainAndAgain(database, "file:" + temp.resolve("journal"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void withTheTableJournalEveryReleasedFileGoesAndEveryReferencedOneStays(Database database) throws Exception {
        Assumptions.assumeTrue(JOURNALS.contains("table"), "testapp.crash.journals does not name the table journal");
        crashAgainAndAgain(database, "table");
    }

    private void crashAgainAndAgain(Database database, String journal) throws Exception {
        Path root = Files.createDirectories(temp.resolve("uploads"));
        String h2 = "jdbc:h2:file:" + temp.resolve("db") + ";WRITE_DELAY=0";
        // -Dtestapp.crash.journal=none shows what the journal is for: this test then fails.
        AgentRun run = AgentRun.in(root).option("filecleanup.journal",
                        System.getProperty("testapp.crash.journal", journal))
                .option("filecleanup.journal.replayDelay", "0ms")
                .option("filecleanup.journal.table", "crash_pending")
                .option("filecleanup.journal.createTable", "true")
                .option("filecleanup.journal.pollInterval", "1s")
                .option("filecleanup.journal.lease", "1s");
        if (database == Database.H2) {
            run.option("app.jdbc.url", h2);
        } else {
            run.database(database);
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists crash_pending");
            }
        }

        Map<String, Integer> halts = new TreeMap<>();
        long replayed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String point = POINTS.get(round % POINTS.size());
            AgentRun.Result result = run.scenario("crash-run", String.valueOf(SEED + round), point,
                    String.valueOf(round == 0), String.valueOf(TRANSACTIONS));
            replayed += replayed(result);
            result.assertLogged("SessionFactory 'uploads': watching ");
            Matcher halted = Pattern.compile("halting (.*)").matcher(result.output());
            if (halted.find()) {
                assertEquals(137, result.exitCode(), result.output());
                halts.merge(halted.group(1).replaceAll("\\d+ ms", "N ms"), 1, Integer::sum);
            } else {
                assertEquals("random", point, "the workload did not halt at " + point + ":\n" + result.output());
                result.succeeded();
            }
        }
        AgentRun.Result settle = run.scenario("crash-settle").succeeded();
        replayed += replayed(settle);

        HistoryOracle oracle = new HistoryOracle(database == Database.H2 ? DriverManager.getConnection(h2)
                : database.connect(), "title = 'crash'", journal.equals("table") ? "crash_pending" : null);
        System.out.printf("%s: %d rounds, halted %s; %d files ever named, %d still named, %d replayed%n",
                database, ROUNDS, halts, oracle.everNamed.size(), oracle.named.size(), replayed);
        oracle.assertFolderAgrees(root);
        assertTrue(halts.size() >= POINTS.size() - 1, "too few kinds of crash points: " + halts);
        if (journal.startsWith("file:")) {
            assertTrue(replayed > 0, "no start replayed anything: the journal was never needed");
        }
        assertTrue(oracle.everNamed.size() >= oracle.named.size() + 10,
                "the workload released too little to prove anything");
    }

    private static long replayed(AgentRun.Result result) {
        long replayed = 0;
        for (Matcher matcher = REPLAYED.matcher(result.output()); matcher.find(); ) {
            replayed += Long.parseLong(matcher.group(1));
        }
        return replayed;
    }
}
