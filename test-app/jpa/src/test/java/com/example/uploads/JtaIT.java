package com.example.uploads;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #4: Hibernate in JTA mode under Narayana. Runs on the jakarta lines. */
class JtaIT {
    @TempDir
    Path root;

    @Test
    void onlyACommittedJtaTransactionDeletes() throws Exception {
        AgentRun.Result result = AgentRun.in(root).mainClass("com.example.uploads.JtaScenarios")
                .scenario("jta").succeeded();
        result.assertLogged("commit after setRollbackOnly failed as planned");
        result.assertLogged("commit after the timeout failed as planned");
        result.assertLogged("jta scenario finished");
        new Folder(root, result)
                .deleted("jta/committed.txt", "jta/replaced-old.txt")
                .kept("jta/replaced-new.txt", "jta/rolled-back.txt", "jta/rollback-only.txt", "jta/timed-out.txt");
    }
}
