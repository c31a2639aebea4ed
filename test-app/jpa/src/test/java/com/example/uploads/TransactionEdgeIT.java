package com.example.uploads;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Failures at the worst moment: in the database's COMMIT, and inside a savepoint. */
class TransactionEdgeIT {
    @TempDir
    Path root;

    /**
     * Runs on every Hibernate line: only PostgreSQL here has deferred constraints that fail in COMMIT itself.
     * Before HHH-20336 was fixed (7.4), the failed transaction's completion never runs, and the same
     * EntityManager's next commit would hand its captures over. That next transaction also clears the failed
     * one's rows with native SQL, so the reference check cannot save these files: only the tracking can.
     */
    @Test
    @ResourceLock(Database.SERVERS)
    void aCommitThatFailsInTheDatabaseDeletesNothingEvenWhenTheSessionIsReused() throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(Database.POSTGRESQL).debug()
                .scenario("deferred-commit-failure").succeeded();
        result.assertLogged("flushed; committing");
        result.assertLogged("commit failed as planned");
        result.assertLogged("second transaction committed");
        result.assertCapturedButNeverHandedOver("deferred/removed.txt", "deferred/old.txt");
        new Folder(root, result)
                .kept("deferred/removed.txt", "deferred/old.txt", "deferred/new.txt", "deferred/holder.txt")
                .deleted("deferred/control.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void aRolledBackSavepointKeepsTheFilesItsRowsStillHold(Database database) throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).scenario("savepoint").succeeded();
        result.assertLogged("after the savepoint rollback the rows hold: savepoint/removed.txt, savepoint/old.txt");
        new Folder(root, result)
                .kept("savepoint/removed.txt", "savepoint/old.txt", "savepoint/new.txt")
                .deleted("savepoint/control.txt");
    }
}
