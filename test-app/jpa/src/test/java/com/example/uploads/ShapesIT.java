package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files released through value shapes other than a top-level attribute, and through statements that bypass
 * entity actions. Each scenario also has changes that release nothing, which the counts check.
 */
class ShapesIT {
    @TempDir
    Path root;

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void filesInsideEmbeddablesAreReleasedByAChangeAReplacementAndTheOwnersRemoval(Database database)
            throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).scenario("embedded").succeeded();
        result.assertLogged("Dossier.attachment.path, Dossier.attachment.preview.image");
        new Folder(root, result)
                .deleted("emb/changed.pdf", "emb/replaced.pdf", "emb/replaced.png", "emb/nulled.pdf",
                        "emb/nulled.png", "emb/removed.pdf", "emb/removed.png")
                .kept("emb/changed-new.pdf", "emb/changed.png", "emb/replaced-new.pdf", "emb/replaced-new.png",
                        "emb/captioned.pdf", "emb/captioned.png");
        result.assertLogged("(Dossier.attachment.path replaced)");
        result.assertLogged("(Dossier.attachment.preview.image removed)");
        assertEquals(7, result.summary("released"), "a changed caption releases nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void aStatelessSessionReleasesTheFilesOfTheRowsItDeletesAndUpdates(Database database) throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).debug().scenario("stateless").succeeded();
        boolean upsert = result.logged("upsert: true");
        boolean deleteMultiple = result.logged("deleteMultiple: true");
        new Folder(root, result)
                .deleted("stateless/loaded.txt", "stateless/bare.txt", "stateless/replaced-old.txt")
                .kept("stateless/replaced-new.txt", "stateless/retitled.txt", "stateless/upserted-new.txt");
        Folder folder = new Folder(root, result);
        if (upsert) {
            folder.deleted("stateless/upserted-old.txt");
        }
        if (deleteMultiple) {
            folder.deleted("stateless/multiple.txt");
        }
        result.assertLogged("(Document.filePath replaced)");
        result.assertCapturedButNeverHandedOver("stateless/rolled-back.txt");
        assertEquals(3 + (upsert ? 1 : 0) + (deleteMultiple ? 1 : 0), result.summary("released"),
                "a changed title releases nothing");
    }
}
