package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void elementCollectionsReleaseRemovedElementsReplacedCollectionsAndRemovedOwners(Database database)
            throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).scenario("collections").succeeded();
        result.assertLogged("Gallery.frames[].file, Gallery.images[], Gallery.scans[]");
        new Folder(root, result)
                .deleted("col/bag/a.jpg", "col/set/s1.png", "col/ordered/f1", "col/replaced/old1",
                        "col/replaced/old2", "col/cleared/c1", "col/removed/i", "col/removed/s", "col/removed/f",
                        "col/proxy/i")
                .kept("col/bag/b.jpg", "col/set/s2.png", "col/ordered/f2", "col/ordered/f3", "col/replaced/new",
                        "col/added/x", "col/added/y");
        result.assertLogged("(Gallery.images[] removed)");
        result.assertLogged("(Gallery.scans[] removed)");
        result.assertLogged("(Gallery.frames[].file removed)");
        assertEquals(10, result.summary("released"), "an added element releases nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void aOneToOneChildRemovedAsAnOrphanReleasesItsFile(Database database) throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).scenario("one-to-one").succeeded();
        new Folder(root, result)
                .deleted("one/replaced-old.jpg", "one/nulled.jpg", "one/removed.jpg")
                .kept("one/replaced-new.jpg", "one/renamed.jpg");
        result.assertLogged("(Portrait.file removed)");
        assertEquals(3, result.summary("released"), "a renamed holder releases nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void convertedUrisAndFilesAndFileUrisInStringsNameTheirFiles(Database database) throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).scenario("converted").succeeded();
        result.assertLogged("Link.copy, Link.location, Link.source");
        new Folder(root, result)
                .deleted("uri/a b.pdf", "uri/to-web.pdf", "uri/location.pdf", "uri/copy.pdf")
                .kept("uri/from-web.pdf", "uri/shared one.pdf", "uri/shared2.pdf");
        result.assertLogged("(Link.source removed)");
        result.assertLogged("(Link.location replaced)");
        result.assertLogged("(Link.copy removed)");
        assertEquals(6, result.summary("released"), "a web address names no file");
        assertEquals(2, result.summary("kept"), "both shared files are kept because a row names them");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void bulkDeletesAndUpdatesReleaseTheFilesOfTheRowsTheyTouch(Database database) throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).debug().scenario("bulk").succeeded();
        boolean collections = result.logged("bulk delete removes element collections: true");
        new Folder(root, result)
                .deleted("bulk/named-1.txt", "bulk/named-2.txt", "bulk/positional.txt", "bulk/criteria.txt",
                        "bulk/subquery.txt", "bulk/assigned-old.txt", "bulk/ordinal-old.txt", "bulk/dossier-old.pdf",
                        "bulk/video.mp4", "bulk/poster.png", "bulk/invoice.pdf", "bulk/invoice-scan.png")
                .kept("bulk/assigned-new.txt", "bulk/ordinal-new.txt", "bulk/retitled.txt", "bulk/dossier-new.pdf",
                        "bulk/rolled-back.txt");
        if (collections) {
            new Folder(root, result).deleted("bulk/gallery/image.jpg", "bulk/gallery/scan.png",
                    "bulk/gallery/frame.jpg");
        }
        result.assertLogged("(Document.filePath removed)");
        result.assertLogged("(Document.filePath replaced)");
        result.assertLogged("(Dossier.attachment.path replaced)");
        result.assertLogged("(Video.poster removed)");
        result.assertLogged("(Invoice.scan removed)");
        result.assertCapturedButNeverHandedOver("bulk/rolled-back.txt");
        assertEquals(12 + (collections ? 3 : 0), result.summary("released"),
                "an update that assigns no file attribute releases nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void rowsTheDatabaseDeletesByCascadeReleaseTheirFilesThroughEveryLevel(Database database) throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).debug().scenario("database-cascade")
                .succeeded();
        Folder folder = new Folder(root, result);
        for (String project : new String[] {"removed", "reference", "stateless", "bulk"}) {
            folder.deleted("cascade/" + project + "/draft.txt", "cascade/" + project + "/sheet.csv",
                    "cascade/" + project + "/revision.csv");
        }
        folder.kept("cascade/rolled-back/draft.txt", "cascade/rolled-back/sheet.csv",
                "cascade/rolled-back/revision.csv", "cascade/kept/draft.txt", "cascade/kept/sheet.csv",
                "cascade/kept/revision.csv");
        result.assertLogged("(Draft.file removed)");
        result.assertLogged("(Sheet.file removed)");
        result.assertLogged("(Revision.file removed)");
        result.assertCapturedButNeverHandedOver("cascade/rolled-back/revision.csv");
        assertEquals(12, result.summary("released"), "another project's rows release nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void aLazyFileAttributeOfAnEnhancedEntityIsReleasedWithoutHavingBeenFetched(Database database)
            throws Exception {
        AgentRun.Result result = AgentRun.in(root).database(database).enhanced("com.example.uploads.Recording")
                .scenario("lazy").succeeded();
        assertTrue(result.logged("lazy file unfetched: true"), "the entity did not run enhanced:\n" + result.output());
        new Folder(root, result).deleted("lazy/replaced-old.wav", "lazy/removed.wav")
                .kept("lazy/replaced-new.wav", "lazy/retitled.wav");
        result.assertLogged("(Recording.file replaced)");
        result.assertLogged("(Recording.file removed)");
        assertEquals(2, result.summary("released"), "a change of another attribute releases nothing");
    }
}
