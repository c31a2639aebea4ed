package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Nothing is deleted that committed data still references, and nothing for changes that never committed. */
class KeepIT {
    @TempDir
    Path root;

    /**
     * The reference check would keep these files anyway, because their rows still hold them; so the test looks
     * at the mechanism: what was captured when the SQL ran must never reach the deletion queue, and what never
     * ran must never be captured.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void changesThatNeverCommitAreNeverHandedOver(Database database) throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).debug().scenario("no-change").succeeded();
        result.assertLogged("commit failed as planned");
        result.assertCapturedButNeverHandedOver("keep/rollback.txt", "keep/replace-old.txt", "keep/failed-commit.txt");
        result.assertNeverMentioned("keep/manual-flush.txt", "keep/persisted-again.txt", "keep/replace-new.txt",
                "keep/duplicate.txt", "keep/new.txt");
        Folder folder = new Folder(root, result).kept("keep/rollback.txt", "keep/replace-old.txt",
                        "keep/replace-new.txt", "keep/failed-commit.txt", "keep/duplicate.txt", "keep/manual-flush.txt",
                        "keep/persisted-again.txt", "keep/new.txt", "keep/sql-delete.txt")
                .deleted("keep/control-removed.txt");
        // Before 6.4 there is no @SoftDelete: Memo is then an ordinary entity and its removal is a real one.
        if (AgentRun.hasSoftDelete()) {
            folder.kept("keep/soft-deleted.txt");
            result.assertLogged("kept keep/soft-deleted.txt (Memo.attachment removed): still referenced");
        } else {
            folder.deleted("keep/soft-deleted.txt");
        }
        result.assertLogged("kept keep/sql-delete.txt (Note.file removed): still referenced");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void aFileIsDeletedOnlyWhenNoRowOfAnyEntityHoldsIt(Database database) throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).scenario("references").succeeded();
        new Folder(root, result)
                .kept("refs/a.txt", "refs/shared.txt", "refs/cross.png")
                .deleted("refs/b.txt");
        result.assertLogged("kept refs/shared.txt (Document.filePath removed): still referenced");
        result.assertLogged("kept refs/cross.png (Document.filePath removed): still referenced");
        result.assertLogged("kept refs/a.txt (Document.filePath replaced): still referenced");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void aSharedFileGoesWithItsLastReference(Database database) throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).scenario("shared-both-removed").succeeded();
        new Folder(root, result).deleted("refs/shared-both.txt");
    }

    /**
     * The README's cost model: one statement per reference column for every round of DeletionQueue.BATCH files,
     * whatever the number of names (more than a statement by name takes are read in full). One row removed costs
     * one statement per column, so 2,000 rows removed in one transaction cost exactly ceil(2,000 / batch) times as
     * many.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void theReferenceCheckIsBatched(Database database) throws Exception {
        int rows = 2000;
        int batch = AgentRun.agentConstant("dev.filecleanup.cleanup.DeletionQueue", "BATCH");
        AgentRun.Result one = AgentRun.in(Files.createDirectories(root.resolve("one"))).database(database)
                .scenario("batch", "1").succeeded();
        AgentRun.Result many = AgentRun.in(Files.createDirectories(root.resolve("many"))).database(database)
                .scenario("batch", String.valueOf(rows)).succeeded();
        new Folder(root.resolve("many"), many).deleted("batch/00000.txt", "batch/01999.txt");
        assertEquals(rows, many.summary("deleted"));
        long columns = one.summary("reference queries");
        assertEquals(columns * (long) Math.ceil((double) rows / batch), many.summary("reference queries"));
    }
}
