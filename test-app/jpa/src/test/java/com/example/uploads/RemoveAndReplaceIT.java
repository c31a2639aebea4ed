package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #2, points 1 to 3: removed and replaced entities lose their files after commit. */
class RemoveAndReplaceIT {
    @TempDir
    Path root;

    @Test
    void everyWayOfRemovingDeletesTheFileTheDatabaseHeld() throws Exception {
        AgentRun.Result result = AgentRun.in(root).scenario("remove").succeeded();
        result.assertLogged("proxy loaded before remove: false");
        new Folder(root, result)
                .deleted("remove/em.txt", "remove/session.txt", "remove/db-value.txt", "remove/proxy.txt")
                .kept("remove/unflushed.txt");
        result.assertLogged("(Document.filePath removed)");
    }

    @Test
    void cascadesAndOrphanRemovalDeleteTheFilesOfEveryRemovedChild() throws Exception {
        AgentRun.Result result = AgentRun.in(root).scenario("cascade").succeeded();
        new Folder(root, result)
                .deleted("cascade/beach.jpg", "cascade/beach-small.jpg", "cascade/beach-tiny.jpg",
                        "cascade/hill.jpg", "cascade/hill-small.jpg",
                        "orphan/dropped.jpg", "orphan/dropped-small.jpg")
                .kept("orphan/kept.jpg");
    }

    @Test
    void replacingAFileAttributeDeletesTheOldFile() throws Exception {
        AgentRun.Result result = AgentRun.in(root).scenario("replace").succeeded();
        new Folder(root, result)
                .deleted("replace/old-path.txt", "replace/old-null.txt", "replace/old-blank.txt",
                        "replace/old-merged.txt", "replace/old-avatar.png", "replace/old-scan.pdf")
                .kept("replace/new-path.txt", "replace/new-merged.txt", "replace/new-avatar.png",
                        "replace/new-scan.pdf");
        result.assertLogged("(UserProfile.avatar replaced)");
        result.assertLogged("(Contract.scan replaced)");
    }

    @Test
    void attributesDeclaredOnASuperclassCountForEverySubclass() throws Exception {
        AgentRun.Result result = AgentRun.in(root).scenario("inheritance").succeeded();
        new Folder(root, result)
                .deleted("inherit/invoice.pdf", "inherit/invoice-old.pdf", "inherit/video.mp4",
                        "inherit/report.csv", "inherit/report-old.csv")
                .kept("inherit/invoice-new.pdf", "inherit/report-new.csv");
    }

    @Test
    void deletionRunsInTheBackgroundSoonAfterCommit() throws Exception {
        AgentRun.Result result = AgentRun.in(root).scenario("while-running").succeeded();
        assertTrue(result.output().matches("(?s).*gone \\d+ ms after commit.*"), result.output());
    }

    @Test
    void pendingDeletionsAreCompletedWhenTheJvmExits() throws Exception {
        AgentRun.Result result = AgentRun.in(root).scenario("exit-pending").succeeded();
        new Folder(root, result).deleted("exit/pending.txt");
        result.assertLogged("summary: 1 deleted");
    }
}
