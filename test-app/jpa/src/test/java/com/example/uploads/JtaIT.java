package com.example.uploads;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate in JTA mode under Narayana; runs on the jakarta lines. The rolled-back rows still hold their files,
 * so the reference check would keep them anyway: the test looks at the tracking, which must never hand them over.
 */
class JtaIT {
    @TempDir
    Path root;

    @Test
    void onlyACommittedJtaTransactionDeletes() throws Exception {
        AgentRun.Result result = AgentRun.in(root).mainClass("com.example.uploads.JtaScenarios").debug()
                .scenario("jta").succeeded();
        onlyTheCommittedTransactionsReleased(result);
    }

    /**
     * With the table journal, the outbox rows are written on the enlisted connection and commit or roll back
     * with the JTA transaction: only the committed ones are ever claimed, and nothing falls back to memory.
     */
    @Test
    void theTableJournalsRowsCommitAndRollBackWithTheJtaTransaction() throws Exception {
        AgentRun.Result result = AgentRun.in(root).mainClass("com.example.uploads.JtaScenarios").debug()
                .option("filecleanup.journal", "table").option("filecleanup.journal.createTable", "true")
                .option("filecleanup.journal.replayDelay", "0ms").scenario("jta").succeeded();
        result.assertLogged("created the table journal's table file_cleanup_pending");
        // The two committed transactions' files, claimed from the table in one round or two (commits close
        // together are gathered): never the rolled-back ones.
        java.util.regex.Matcher claimed = java.util.regex.Pattern.compile(
                "claimed (\\d+) released file\\(s\\) from the journal table file_cleanup_pending")
                .matcher(result.output());
        int total = 0;
        while (claimed.find()) {
            total += Integer.parseInt(claimed.group(1));
        }
        org.junit.jupiter.api.Assertions.assertEquals(2, total, result.output());
        result.assertNeverMentioned("held in memory only");
        onlyTheCommittedTransactionsReleased(result);
    }

    /** Every transaction of the scenario ended as planned, and only the committed ones' files were handed over. */
    private void onlyTheCommittedTransactionsReleased(AgentRun.Result result) {
        result.assertLogged("commit after setRollbackOnly failed as planned");
        result.assertLogged("commit after the timeout failed as planned");
        result.assertLogged("jta scenario finished");
        result.assertCapturedButNeverHandedOver("jta/rolled-back.txt", "jta/rollback-only.txt", "jta/timed-out.txt");
        new Folder(root, result)
                .deleted("jta/committed.txt", "jta/replaced-old.txt")
                .kept("jta/replaced-new.txt", "jta/rolled-back.txt", "jta/rollback-only.txt", "jta/timed-out.txt");
    }
}
