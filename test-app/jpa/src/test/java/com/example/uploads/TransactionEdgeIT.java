package com.example.uploads;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue #4: failures at the worst moment. */
class TransactionEdgeIT {
    @TempDir
    Path root;

    /** Runs on every Hibernate line: only PostgreSQL here has deferred constraints that fail in COMMIT itself. */
    @Test
    void aCommitThatFailsInTheDatabaseDeletesNothingEvenWhenTheSessionIsReused() throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(Database.POSTGRESQL)
                .scenario("deferred-commit-failure").succeeded();
        result.assertLogged("flushed; committing");
        result.assertLogged("commit failed as planned");
        result.assertLogged("second transaction committed");
        new Folder(root, result).kept("deferred/removed.txt", "deferred/old.txt", "deferred/new.txt",
                "deferred/holder.txt");
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
