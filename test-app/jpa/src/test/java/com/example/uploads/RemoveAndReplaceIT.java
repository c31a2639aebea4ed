package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Removed and replaced entities lose their files after commit, and before the JVM exits. */
class RemoveAndReplaceIT {
    @TempDir
    Path root;
    @TempDir
    Path journal;

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void everyWayOfRemovingDeletesTheFileTheDatabaseHeld(Database database) throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).scenario("remove").succeeded();
        result.assertLogged("proxy loaded before remove: false");
        new Folder(root, result)
                .deleted("remove/em.txt", "remove/session.txt", "remove/db-value.txt", "remove/proxy.txt")
                .kept("remove/unflushed.txt");
        result.assertLogged("(Document.filePath removed)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void cascadesAndOrphanRemovalDeleteTheFilesOfEveryRemovedChild(Database database) throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).scenario("cascade").succeeded();
        new Folder(root, result)
                .deleted("cascade/beach.jpg", "cascade/beach-small.jpg", "cascade/beach-tiny.jpg",
                        "cascade/hill.jpg", "cascade/hill-small.jpg",
                        "orphan/dropped.jpg", "orphan/dropped-small.jpg")
                .kept("orphan/kept.jpg");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void replacingAFileAttributeDeletesTheOldFile(Database database) throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).scenario("replace").succeeded();
        new Folder(root, result)
                .deleted("replace/old-path.txt", "replace/old-null.txt", "replace/old-blank.txt",
                        "replace/old-merged.txt", "replace/old-avatar.png", "replace/old-scan.pdf")
                .kept("replace/new-path.txt", "replace/new-merged.txt", "replace/new-avatar.png",
                        "replace/new-scan.pdf");
        result.assertLogged("(UserProfile.avatar replaced)");
        result.assertLogged("(Contract.scan replaced)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void attributesDeclaredOnASuperclassCountForEverySubclass(Database database) throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).scenario("inheritance").succeeded();
        new Folder(root, result)
                .deleted("inherit/invoice.pdf", "inherit/invoice-old.pdf", "inherit/video.mp4",
                        "inherit/report.csv", "inherit/report-old.csv")
                .kept("inherit/invoice-new.pdf", "inherit/report-new.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void deletionRunsInTheBackgroundSoonAfterCommit(Database database) throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).scenario("while-running").succeeded();
        assertTrue(result.output().matches("(?s).*gone \\d+ ms after commit.*"), result.output());
    }

    /**
     * The application exits right after a commit whose reference check is blocked by another transaction's
     * lock: only an exit hook that waits for the check can delete the file. PostgreSQL shows who waits for a lock.
     */
    @Test
    @ResourceLock(Database.SERVERS)
    void theExitHookWaitsForAPendingDeletion() throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(Database.POSTGRESQL).scenario("exit-blocked")
                .succeeded();
        result.assertLogged("the reference check waits for the lock");
        new Folder(root, result).deleted("exit/blocked.txt");
        assertEquals(1, result.summary("deleted"));
    }

    /**
     * The check outlasts the exit hook's wait: the file waits in the journal, and the next start deletes it. It
     * is the journal that does it: the second run only starts and stops.
     */
    @Test
    @ResourceLock(Database.SERVERS)
    void whatTheExitHookCannotFinishWaitsInTheJournalForTheNextStart() throws Exception {
        AgentRun run = AgentRun.in(root).database(Database.POSTGRESQL)
                .option("filecleanup.journal", "file:" + journal)
                .option("filecleanup.shutdownTimeout", "2").option("filecleanup.journal.replayDelay", "0ms");
        AgentRun.Result stuck = run.scenario("exit-stuck").succeeded();
        stuck.assertLogged("1 transaction(s) still pending at exit after 2s; their files wait in the journal file:");
        new Folder(root, stuck).kept("exit/stuck.txt");

        AgentRun.Result next = run.scenario("crash-settle").succeeded();
        next.assertLogged("replaying 1 released file(s) from the journal");
        new Folder(root, next).deleted("exit/stuck.txt");
        assertEquals(1, next.summary("deleted"));
    }
}
