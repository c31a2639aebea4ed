package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code filecleanup.rollbackCleanup}: the files that inserts and updates of a rolled-back transaction wrote are
 * checked after the delay, and deleted unless a row names them then. Off by default. The scenarios wait 2.5 s
 * after their rollbacks: with a delay of 1 s the checks are due before the JVM exits.
 */
class RollbackCleanupIT {
    private static final String WAIT = "2500";

    @TempDir
    Path root;

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void filesWrittenByARolledBackTransactionAreDeletedAfterTheDelay(Database database) throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).option("filecleanup.rollbackCleanup", "1s")
                .mbean().scenario("rollback-uploads", WAIT).succeeded();
        result.assertLogged("rollback/inserted.txt (Document.filePath written by a rolled-back transaction)");
        // The five files the rolled-back transaction wrote, and the one the StatelessSession's, as the MBean counts.
        assertEquals("6", result.mbean("RolledBack"));
        // One of them was there two hours before: the transaction only assigned it, and no row names it.
        result.assertLogged("kept rollback/default.png (Document.filePath written by a rolled-back transaction): "
                + "modified more than an hour before its transaction rolled back, so not an upload of it");
        assertEquals("1", result.mbean("KeptByReason").replaceAll(".*existed_before=(\\d+).*", "$1"));
        new Folder(root, result)
                // Inserted, inside an embeddable, and assigned by an update and by a StatelessSession's update.
                .deleted("rollback/inserted.txt", "rollback/scan.pdf", "rollback/preview.png", "rollback/new.txt",
                        "rollback/stateless-new.txt")
                // The files the rolled-back updates replaced, and a committed insert's.
                .kept("rollback/old.txt", "rollback/stateless-old.txt", "rollback/committed.txt",
                        "rollback/default.png")
                .deleted("rollback/control-removed.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void aRetryThatReusesTheFileKeepsIt(Database database) throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).option("filecleanup.rollbackCleanup", "1s")
                .scenario("rollback-retries", WAIT).succeeded();
        result.assertLogged("slow retry committed");
        new Folder(root, result)
                .kept("retry/committed.txt", "retry/in-progress.txt")
                .deleted("retry/given-up.txt");
        // Kept by the reference check; and, while the retry (which spells the file otherwise) is in progress, not
        // even checked.
        result.assertLogged("kept retry/committed.txt (Document.filePath written by a rolled-back transaction): "
                + "still referenced");
        result.assertLogged("not checking retry/in-progress.txt (Document.filePath written by a rolled-back "
                + "transaction): a transaction in progress wrote it again");
    }

    /** Off, the default: the insert actions are not even woven, so the agent never sees the written files. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void offByDefaultTheRolledBackUploadsStay(Database database) throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).debug().scenario("rollback-uploads", "0")
                .succeeded();
        result.assertNeverMentioned("rollback/inserted.txt", "rollback/scan.pdf", "rollback/preview.png",
                "rollback/new.txt", "rollback/stateless-new.txt", "rollback/committed.txt");
        new Folder(root, result)
                .kept("rollback/inserted.txt", "rollback/scan.pdf", "rollback/preview.png", "rollback/new.txt",
                        "rollback/stateless-new.txt", "rollback/old.txt", "rollback/committed.txt")
                .deleted("rollback/control-removed.txt");
    }

    /** The exit does not wait for checks that are not due: those files stay, and the agent says so. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void checksNotDueAtExitAreNotWaitedFor(Database database) throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).option("filecleanup.rollbackCleanup", "10m")
                .scenario("rollback-uploads", "0").succeeded();
        result.assertLogged("6 file(s) written by rolled-back transactions were not due for their check at exit; "
                + "they stay on disk");
        new Folder(root, result)
                .kept("rollback/inserted.txt", "rollback/scan.pdf", "rollback/preview.png", "rollback/new.txt",
                        "rollback/stateless-new.txt")
                .deleted("rollback/control-removed.txt");
    }
}
