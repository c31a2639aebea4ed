package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Switches, dry run, the startup and deletion log lines, and the configuration sources. */
class ConfigurationIT {
    @TempDir
    Path root;

    @Test
    void theStartupLogNamesTheVersionAndEveryWatchedAttribute() throws Exception {
        AgentRun.Result result = AgentRun.in(root).scenario("exit-pending").succeeded();
        result.assertLogged("hibernate-file-cleanup " + AgentRun.agentVersion() + " installed on Java "
                + Runtime.version().feature() + ": roots [" + root + "], journal file:");
        // The default journal: in the user's home (each run has one of its own), for these roots.
        assertTrue(java.util.regex.Pattern.compile("journal file:\\S+/\\.filecleanup/journal-[0-9a-f]{12}\\b")
                .matcher(result.output()).find(), result.output());
        result.assertLogged("Hibernate " + org.hibernate.Version.getVersionString()
                + " (line v6_2), SessionFactory 'uploads': watching Article.cover.path, Article.creditsFile, "
                + "Article.figures[].file, Article.gallery[], Attachment.path, Contract.scan, Document.filePath, "
                + "Dossier.attachment.path, Dossier.attachment.preview.image, Draft.file, Gallery.frames[].file, "
                + "Gallery.images[], Gallery.scans[], Invoice.path, Invoice.scan, Link.copy, Link.location, "
                + "Link.source, Media.file, Memo.attachment, Note.file, Photo.path, Picture.path, Portrait.file, "
                + "Recording.file, "
                + "Report.storagePath, Revision.file, Sheet.file, Summary.path, Thumbnail.path, Transcript.file, "
                + "UserProfile.avatar, Vault.reversed, Vault.secret, Vault.strict, Video.file, Video.poster");
        result.assertLogged("deleted " + root.toRealPath().resolve("exit/pending.txt")
                + " (Document.filePath removed)");
    }

    @Test
    void disabledInstallsNothingAndDeletesNothing() throws Exception {
        AgentRun.Result result = AgentRun.in(root).option("filecleanup.enabled", "false").scenario("remove")
                .succeeded();
        result.assertLogged("disabled (filecleanup.enabled=false): nothing installed");
        assertFalse(result.logged("watching"), result.output());
        new Folder(root, result).kept("remove/em.txt", "remove/proxy.txt");
    }

    @Test
    void dryRunLogsEachDeletionAndDeletesNothing() throws Exception {
        AgentRun.Result result = AgentRun.in(root).option("filecleanup.dryRun", "true").scenario("remove")
                .succeeded();
        result.assertLogged("dry run: would delete " + root.toRealPath().resolve("remove/em.txt")
                + " (Document.filePath removed)");
        new Folder(root, result).kept("remove/em.txt", "remove/session.txt", "remove/proxy.txt");
    }

    @Test
    void withoutRootsNothingIsInstalledAndTheAgentSaysSo() throws Exception {
        AgentRun.Result result = AgentRun.in(root).withoutOption("filecleanup.roots").scenario("remove")
                .succeeded();
        result.assertLogged("no storage roots configured (filecleanup.roots)");
        new Folder(root, result).kept("remove/em.txt");
    }

    @Test
    void aSelectorThatMatchesNothingIsReportedByName() throws Exception {
        AgentRun.Result result = AgentRun.in(root)
                .option("filecleanup.attributes", AgentRun.ATTRIBUTES + ",Documnt.filePath,Document.title2")
                .option("filecleanup.exclude", "Nothing.here")
                .scenario("exit-pending").succeeded();
        result.assertLogged("selector 'Documnt.filePath' watches nothing: it matches no entity attribute");
        result.assertLogged("selector 'Document.title2' watches nothing");
        result.assertLogged("filecleanup.exclude selector 'Nothing.here' excludes nothing");
    }

    @Test
    void environmentVariablesAndAPropertiesFileConfigureTheAgentToo() throws Exception {
        Path settings = Files.writeString(root.resolveSibling(root.getFileName() + ".properties"),
                "filecleanup.attributes=Document.filePath\nfilecleanup.dryRun=true\n");
        AgentRun.Result result = AgentRun.in(root)
                .withoutOption("filecleanup.roots").withoutOption("filecleanup.attributes")
                .environment("FILECLEANUP_ROOTS", root.toString())
                .environment("FILECLEANUP_DRYRUN", "false")
                .agentArgument(settings.toString())
                .scenario("exit-pending").succeeded();
        // roots from the environment, attributes from the file, and the environment wins over the file
        new Folder(root, result).deleted("exit/pending.txt");
        result.assertLogged("watching Contract.scan, Document.filePath");
    }

    /** A root is where anything may be deleted: roots that are too wide are refused by name. */
    @Test
    void rootsThatAreTooWideAreRefusedAndNothingIsInstalled() throws Exception {
        String home = System.getProperty("user.home");
        // The application's own home, not the one of its own that each run gets.
        AgentRun.Result result = AgentRun.in(root).option("filecleanup.roots", "/,uploads," + home + "," + root)
                .option("user.home", home).scenario("remove").succeeded();
        result.assertLogged("not installed, nothing will be deleted");
        result.assertLogged("storage root / is the root of the file system; storage root uploads is relative; "
                + "give an absolute path; storage root " + home + " is a home directory");
        result.assertLogged("scenario remove finished");
        new Folder(root, result).kept("remove/em.txt");
    }

    @Test
    void invalidConfigurationLeavesTheApplicationRunning() throws Exception {
        AgentRun.Result result = AgentRun.in(root).option("filecleanup.dryRun", "maybe").scenario("remove")
                .succeeded();
        result.assertLogged("not installed, nothing will be deleted");
        result.assertLogged("filecleanup.dryRun (or FILECLEANUP_DRYRUN) is 'maybe'");
        new Folder(root, result).kept("remove/em.txt");
    }

    /** A journal directory that another JVM holds is refused, naming that JVM, and nothing is installed. */
    @Test
    void aJournalInUseByAnotherJvmIsRefused(@TempDir Path journal) throws Exception {
        try (java.nio.channels.FileChannel lock = java.nio.channels.FileChannel.open(journal.resolve("journal.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = lock.lock(0, 1, false)) {
            lock.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes()), 1);
            AgentRun.Result result = AgentRun.in(root).option("filecleanup.journal", "file:" + journal)
                    .scenario("remove").succeeded();
            result.assertLogged("the journal cannot be used, so nothing is installed: the journal " + journal
                    + " is in use by another JVM (pid " + ProcessHandle.current().pid() + ")");
            new Folder(root, result).kept("remove/em.txt");
        }
    }

    @Test
    void aJournalInsideAStorageRootIsRefused() throws Exception {
        AgentRun.Result result = AgentRun.in(root).option("filecleanup.journal", "file:" + root.resolve("journal"))
                .scenario("remove").succeeded();
        result.assertLogged("not installed, nothing will be deleted: java.lang.IllegalArgumentException: "
                + "filecleanup.journal: the journal " + root.resolve("journal") + " lies inside a storage root");
        new Folder(root, result).kept("remove/em.txt");
    }

    /** The exit summary appears only when there is something to summarise. */
    @Test
    void aJvmThatReleasesNothingPrintsNoSummary() throws Exception {
        AgentRun.Result result = AgentRun.in(root).debug().scenario("nothing-released").succeeded();
        result.assertLogged("SessionFactory 'uploads': watching");
        // The rolled-back removal was captured: the agent was at work, and had nothing to summarise.
        result.assertCapturedButNeverHandedOver("quiet/kept.txt");
        assertFalse(result.logged("summary:"), result.output());
        new Folder(root, result).kept("quiet/kept.txt");
    }

    @Test
    void aJvmThatReleasesFilesSummarisesThemAtExit() throws Exception {
        AgentRun.Result result = AgentRun.in(root).scenario("remove").succeeded();
        long deletedLines = result.agentLines().stream().filter(line -> line.contains(" - deleted ")).count();
        assertTrue(deletedLines > 0, result.output());
        assertEquals(deletedLines, result.summary("deleted"));
        new Folder(root, result).deleted("remove/em.txt");
    }

    /** filecleanup.log=application in an application without SLF4J: stderr, as said once. */
    @Test
    void logApplicationWithoutSlf4jFallsBackToStderrAndSaysSo() throws Exception {
        AgentRun.Result result = AgentRun.in(root).option("filecleanup.log", "application").scenario("remove")
                .succeeded();
        result.assertLogged(" file-cleanup - filecleanup.log=application, but the application has no SLF4J logging in ");
        result.assertLogged(": the agent logs to stderr");
        result.assertLogged(" file-cleanup - hibernate-file-cleanup ");
        result.assertLogged(" file-cleanup - deleted " + root.toRealPath().resolve("remove/em.txt"));
        new Folder(root, result).deleted("remove/em.txt");
    }

    /** Lines logged at premain, before any Hibernate is loaded, are not lost when none ever is. */
    @Test
    void logApplicationInAJvmWithoutHibernateStillPrintsThePremainLinesAtExit() throws Exception {
        Path inner = Files.createDirectories(root.resolve("inner"));
        AgentRun.Result result = AgentRun.in(root).option("filecleanup.roots", root + "," + inner)
                .option("filecleanup.log", "application").mainClass("com.example.uploads.NoHibernate")
                .scenario("plain").succeeded();
        result.assertLogged("no Hibernate in plain");
        result.assertLogged(" file-cleanup - storage root " + inner + " lies inside storage root " + root);
    }

    @Test
    void logNoneLogsNothingAndStillDeletes() throws Exception {
        AgentRun.Result result = AgentRun.in(root).option("filecleanup.log", "none").scenario("remove").succeeded();
        result.assertLogged("scenario remove finished");
        assertFalse(result.logged("file-cleanup"), result.output());
        new Folder(root, result).deleted("remove/em.txt");
    }

    /** Even with filecleanup.log=none, the reason the agent is not installed reaches stderr. */
    @Test
    void logNoneStillSaysWhyNothingIsInstalled(@TempDir Path journal) throws Exception {
        try (java.nio.channels.FileChannel lock = java.nio.channels.FileChannel.open(journal.resolve("journal.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = lock.lock(0, 1, false)) {
            AgentRun.Result result = AgentRun.in(root).option("filecleanup.log", "none")
                    .option("filecleanup.journal", "file:" + journal).scenario("remove").succeeded();
            result.assertLogged(" file-cleanup - hibernate-file-cleanup " + AgentRun.agentVersion()
                    + ": the journal cannot be used, so nothing is installed");
            new Folder(root, result).kept("remove/em.txt");
        }
    }
}
