package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Issue #2, points 4 and 5: nothing is deleted that committed data still references. */
class KeepIT {
    /**
     * The test application's file columns. The reference check costs ceil(s / 500) queries for each, where s
     * counts every spelling looked for: here each relative value and its absolute form.
     */
    private static final int FILE_COLUMNS = 10;

    @TempDir
    Path root;

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void changesThatNeverCommitDeleteNothing(Database database) throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).scenario("no-change").succeeded();
        result.assertLogged("commit failed as planned");
        Folder folder = new Folder(root, result).kept("keep/rollback.txt", "keep/replace-old.txt",
                        "keep/replace-new.txt", "keep/failed-commit.txt", "keep/duplicate.txt", "keep/manual-flush.txt",
                        "keep/persisted-again.txt", "keep/new.txt", "keep/sql-delete.txt")
                .deleted("keep/control-removed.txt");
        // Before 6.4 there is no @SoftDelete: Memo is then an ordinary entity and its removal is a real one.
        if (AgentRun.hasSoftDelete()) {
            folder.kept("keep/soft-deleted.txt");
        } else {
            folder.deleted("keep/soft-deleted.txt");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void aFileIsDeletedOnlyWhenNoRowOfAnyEntityHoldsIt(Database database) throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).scenario("references").succeeded();
        new Folder(root, result)
                .kept("refs/a.txt", "refs/shared.txt", "refs/cross.png")
                .deleted("refs/b.txt");
        result.assertLogged("kept refs/shared.txt (Document.filePath removed): still referenced");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void aSharedFileGoesWithItsLastReference(Database database) throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).scenario("shared-both-removed").succeeded();
        new Folder(root, result).deleted("refs/shared-both.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void theReferenceCheckIsBatched(Database database) throws Exception {
        int rows = 2000;
        AgentRun.Result result = AgentRun.in(root).database(database).scenario("batch", String.valueOf(rows)).succeeded();
        new Folder(root, result).deleted("batch/00000.txt", "batch/01999.txt");
        Matcher summary = Pattern.compile("summary: (\\d+) deleted.* (\\d+) reference queries")
                .matcher(result.output());
        assertTrue(summary.find(), result.output());
        int deleted = Integer.parseInt(summary.group(1));
        int queries = Integer.parseInt(summary.group(2));
        assertTrue(deleted == rows, "deleted " + deleted);
        int bound = FILE_COLUMNS * (int) Math.ceil(2 * rows / 500.0);
        assertTrue(queries > 0 && queries <= bound, queries + " reference queries, bound " + bound);
    }
}
