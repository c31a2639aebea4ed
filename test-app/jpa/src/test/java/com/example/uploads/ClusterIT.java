package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three JVMs share one database and one upload folder, with the table journal, each running a random workload
 * on rows of its own; the second is killed ({@code kill -9}) mid-way, holding whatever it had claimed. A fourth
 * JVM starts afterwards, as a replacement would. Then no file that committed data stopped naming is left, none
 * that it names is gone, and no file was deleted twice, by whichever node.
 */
@ResourceLock(Database.SERVERS)
class ClusterIT {
    private static final long SEED = Long.getLong("testapp.cluster.seed", 20261129L);
    private static final int TRANSACTIONS = 60;
    private static final Pattern DELETED = Pattern.compile(" deleted (\\S+) \\(");

    @TempDir
    Path temp;

    /** Not on H2: three JVMs need a database server. On one line, test-app/jpa; the others exclude it. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Database.class, names = {"POSTGRESQL", "MARIADB"})
    void nodesShareTheWorkAndANodeThatDiesLosesNothing(Database database) throws Exception {
        Path root = Files.createDirectories(temp.resolve("uploads"));
        // -Dtestapp.cluster.journal=none shows what the table journal is for: this test then fails.
        String journal = System.getProperty("testapp.cluster.journal", "table");
        AgentRun run = AgentRun.in(root).database(database).option("filecleanup.journal", journal)
                .option("filecleanup.journal.table", "cluster_pending")
                .option("filecleanup.journal.createTable", "true")
                .option("filecleanup.journal.replayDelay", "0ms")
                .option("filecleanup.journal.pollInterval", "1s")
                .option("filecleanup.journal.lease", "1s");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists cluster_pending");
        }
        List<AgentRun.Result> results = new ArrayList<>();
        results.add(run.scenario("crash-run", String.valueOf(SEED), "none", "true", "1", "setup").succeeded());

        List<AgentRun.Running> nodes = new ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            nodes.add(run.start("crash-run", String.valueOf(SEED + node), "none", "false",
                    String.valueOf(node == 2 ? 10 * TRANSACTIONS : TRANSACTIONS), "node" + node));
        }
        AgentRun.Running victim = nodes.get(1);
        awaitLogged(victim, "transaction " + TRANSACTIONS / 2 + " done");
        AgentRun.Result killed = victim.kill();
        assertTrue(killed.exitCode() != 0, "the second node was not killed mid-way:\n" + killed.output());
        results.add(killed);
        results.add(nodes.get(0).await().succeeded());
        results.add(nodes.get(2).await().succeeded());
        results.add(run.scenario("crash-settle").succeeded());

        HistoryOracle oracle = new HistoryOracle(database.connect(), "1 = 1",
                journal.equals("table") ? "cluster_pending" : null);
        Map<String, Integer> deletions = new HashMap<>();
        int[] byNode = new int[results.size()];
        for (int i = 0; i < results.size(); i++) {
            for (Matcher deleted = DELETED.matcher(results.get(i).output()); deleted.find(); ) {
                deletions.merge(deleted.group(1), 1, Integer::sum);
                byNode[i]++;
            }
        }
        System.out.printf("%s: %d files ever named, %d still named; deletions by setup, killed node, node 1, "
                + "node 3, replacement: %s%n", database, oracle.everNamed.size(), oracle.named.size(),
                java.util.Arrays.toString(byNode));
        oracle.assertFolderAgrees(root);
        deletions.forEach((file, times) -> assertEquals(1, times, file + " was deleted " + times + " times"));
        assertTrue(oracle.everNamed.size() > oracle.named.size() + 50,
                "the workload released too little to prove anything");
    }

    private static void awaitLogged(AgentRun.Running node, String text) throws Exception {
        for (int i = 0; i < 1_200; i++) {
            if (Files.readString(node.log()).contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the node never logged '" + text + "':\n" + Files.readString(node.log()));
    }
}
