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

    /**
     * A root is where anything may be deleted: each root that is refused is named with its reason and the setting
     * it came from, every reason RootRules has, in one line, and nothing is installed.
     */
    @Test
    void rootsThatAreTooWideAreRefusedAndNothingIsInstalled(@TempDir Path elsewhere) throws Exception {
        Path home = elsewhere.resolve("me");
        Path javaRuntime = Path.of(System.getProperty("java.home")).getParent();
        Path file = Files.writeString(elsewhere.resolve("file.txt"), "not a folder");
        Path link = Files.createSymbolicLink(elsewhere.resolve("etc-link"), Path.of("/etc"));
        AgentRun.Result result = AgentRun.in(root)
                .option("filecleanup.roots", String.join(",", "/", "uploads", home.toString(), "/etc",
                        elsewhere.toString(), javaRuntime.toString(), elsewhere.resolve("missing").toString(),
                        file.toString(), link.toString(), root.toString()))
                .option("user.home", home.toString()).scenario("remove").succeeded();
        String from = " (from -Dfilecleanup.roots) ";
        assertNothingInstalled(result, "9 configuration mistakes: "
                + "(1) storage root /" + from + "is the root of the file system; "
                + "(2) storage root uploads" + from + "is relative; give an absolute path; "
                + "(3) storage root " + home + from + "is a home directory; "
                + "(4) storage root /etc" + from + "is a system directory; "
                + "(5) storage root " + elsewhere + from + "holds the home directory " + home + "; "
                + "(6) storage root " + javaRuntime + from + "holds the Java runtime " + System.getProperty("java.home")
                + "; (7) storage root " + elsewhere.resolve("missing") + from + "does not exist (set "
                + "filecleanup.allowMissingRoots=true for a root that is mounted later); "
                + "(8) storage root " + file + from + "is not a directory; "
                + "(9) storage root " + link + from + "is a system directory (/etc through a symbolic link)");
    }

    /** The source of a refused root is named whichever it is: here the environment. */
    @Test
    void aRefusedRootFromTheEnvironmentNamesTheVariable() throws Exception {
        AgentRun.Result result = AgentRun.in(root).withoutOption("filecleanup.roots")
                .environment("FILECLEANUP_ROOTS", root + ",/usr").scenario("remove").succeeded();
        assertNothingInstalled(result,
                "storage root /usr (from the environment variable FILECLEANUP_ROOTS) is a system directory");
    }

    @Test
    void invalidConfigurationLeavesTheApplicationRunning() throws Exception {
        AgentRun.Result result = AgentRun.in(root).option("filecleanup.dryRun", "maybe").scenario("remove")
                .succeeded();
        assertNothingInstalled(result, "filecleanup.dryRun is 'maybe' (from -Dfilecleanup.dryRun); expected true "
                + "or false");
    }

    @Test
    void anInvalidValueFromTheEnvironmentNamesTheVariable() throws Exception {
        AgentRun.Result result = AgentRun.in(root).environment("FILECLEANUP_SHUTDOWNTIMEOUT", "soon")
                .scenario("remove").succeeded();
        assertNothingInstalled(result, "filecleanup.shutdownTimeout is 'soon' (from the environment variable "
                + "FILECLEANUP_SHUTDOWNTIMEOUT); expected a number of seconds, 0 or more");
    }

    /** Every mistake at once, each naming the file; a root given in the file is named with it too. */
    @Test
    void invalidValuesFromThePropertiesFileNameTheFile() throws Exception {
        Path settings = Files.writeString(root.resolveSibling(root.getFileName() + ".properties"),
                "filecleanup.roots=" + root + ",srv/uploads,a\\u0000b\nfilecleanup.retry.attempts=0\n"
                        + "filecleanup.journal.lease=forever\n");
        AgentRun.Result result = AgentRun.in(root).withoutOption("filecleanup.roots")
                .agentArgument(settings.toString()).scenario("remove").succeeded();
        assertNothingInstalled(result, "4 configuration mistakes: (1) storage root srv/uploads (from " + settings
                + ") is relative; give an absolute path; (2) storage root 'a\u0000b' (from " + settings + ") is not a "
                + "path; (3) filecleanup.journal.lease is 'forever' (from " + settings + "); expected a duration "
                + "such as 250ms, 5s, 2m or PT0.5S; (4) filecleanup.retry.attempts is '0' "
                + "(from " + settings + "); expected a whole number, 1 or more");
    }

    @Test
    void aMissingPropertiesFileIsNamedAndNothingIsInstalled() throws Exception {
        Path missing = root.resolveSibling(root.getFileName() + "-missing.properties");
        AgentRun.Result result = AgentRun.in(root).agentArgument(missing.toString()).scenario("remove")
                .succeeded();
        assertNothingInstalled(result, "the properties file " + missing + " named by the agent argument does not "
                + "exist");
    }

    /** A misspelt key is only ignored: the agent runs with the rest, here deleting although dryrun says true. */
    @Test
    void anUnknownSystemPropertyIsNamedWithTheClosestKeyAndTheRestStillWorks() throws Exception {
        AgentRun.Result result = AgentRun.in(root).option("filecleanup.dryrun", "true").scenario("remove")
                .succeeded();
        result.assertLogged("WARN file-cleanup - unknown setting -Dfilecleanup.dryrun is ignored (did you mean "
                + "filecleanup.dryRun?)");
        assertEquals(1, result.output().split("unknown setting", -1).length - 1, result.output());
        result.assertLogged("installed on Java");
        new Folder(root, result).deleted("remove/em.txt");
    }

    /** A misspelt variable that leaves no roots: the warning comes first and explains the line that follows. */
    @Test
    void anUnknownEnvironmentVariableIsNamedBeforeTheAgentSaysItHasNoRoots() throws Exception {
        AgentRun.Result result = AgentRun.in(root).withoutOption("filecleanup.roots")
                .environment("FILECLEANUP_ROOT", root.toString()).scenario("remove").succeeded();
        String warning = "unknown setting FILECLEANUP_ROOT in the environment is ignored (did you mean "
                + "FILECLEANUP_ROOTS?)";
        result.assertLogged(warning);
        result.assertLogged("no storage roots configured (filecleanup.roots)");
        assertTrue(result.output().indexOf(warning) < result.output().indexOf("no storage roots"), result.output());
        assertFalse(result.logged("installed on Java"), result.output());
        new Folder(root, result).kept("remove/em.txt");
    }

    @Test
    void anUnknownKeyInThePropertiesFileIsNamedWithTheFile() throws Exception {
        Path settings = Files.writeString(root.resolveSibling(root.getFileName() + ".properties"),
                "filecleanup.dryRun=false\nfilecleanup.shutdownTimout=5\n");
        AgentRun.Result result = AgentRun.in(root).agentArgument(settings.toString()).scenario("remove")
                .succeeded();
        result.assertLogged("unknown setting filecleanup.shutdownTimout in " + settings + " is ignored (did you "
                + "mean filecleanup.shutdownTimeout?)");
        assertFalse(result.logged("unknown setting filecleanup.dryRun"), result.output());
        new Folder(root, result).deleted("remove/em.txt");
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
        assertNothingInstalled(result, "filecleanup.journal (from -Dfilecleanup.journal): the journal "
                + root.resolve("journal") + " lies inside a storage root; put it outside every root");
    }

    /**
     * Nothing was installed: one line, the agent's, says so and why, no startup line follows, and the file that
     * the scenario released is still there.
     */
    private void assertNothingInstalled(AgentRun.Result result, String reasons) throws Exception {
        String line = "[file-cleanup] hibernate-file-cleanup " + AgentRun.agentVersion()
                + " not installed, nothing will be deleted: " + reasons;
        assertTrue(result.output().lines().anyMatch(line::equals),
                "expected the line\n" + line + "\n" + result.output());
        assertFalse(result.logged("installed on Java"), result.output());
        result.assertLogged("scenario remove finished");
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
