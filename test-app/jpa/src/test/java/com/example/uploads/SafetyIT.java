package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Path safety and storage errors. */
class SafetyIT {
    @TempDir
    Path temp;
    private Path locked;

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void valuesOutsideTheRootsThroughLinksOrNamingDirectoriesAreNeverDeleted(Database database) throws Exception {
        Path root = Files.createDirectories(temp.resolve("uploads"));
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Path secret = Files.writeString(outside.resolve("secret.txt"), "not yours");
        Files.createSymbolicLink(root.resolve("link-to-secret.txt"), secret);
        Files.createSymbolicLink(root.resolve("linked-dir"), outside);
        Files.createDirectories(root.resolve("a-directory"));

        AgentRun.Result result = AgentRun.in(root).database(database).mbean()
                .scenario("unsafe-values", outside.toString()).succeeded();

        new Folder(root, result).kept("link-to-secret.txt", "linked-dir", "a-directory");
        assertTrue(Files.exists(secret), result.output());
        result.assertLogged("refused to delete '" + secret + "' (Document.filePath removed): outside the storage roots");
        result.assertLogged("refused to delete '../outside/secret.txt' (Document.filePath removed): outside");
        result.assertLogged("refused to delete 'link-to-secret.txt' (Document.filePath removed): reached through "
                + "a symbolic link");
        result.assertLogged("refused to delete 'linked-dir/secret.txt' (Document.filePath removed): reached "
                + "through a symbolic link");
        result.assertLogged("refused to delete 'a-directory' (Document.filePath removed): is a directory");
        result.assertLogged("refused to delete '.' (Document.filePath removed)");
        // Six unsafe values were released (the seventh is blank, which names no file): all refused, none deleted.
        assertEquals(6, result.summary("refused"));
        assertEquals(0, result.summary("deleted"));
        // What an operator sees through JMX: each refusal by its reason, and the latest ones by value.
        assertEquals("6", result.mbean("Refused"));
        assertEquals("{blank_value=0, directory=1, invalid_path=0, no_roots=0, not_regular_file=0, outside_roots=3, "
                + "root_missing=0, symbolic_link=2, uninspectable=0}", result.mbean("RefusedByReason"));
        String link = "'link-to-secret.txt' (Document.filePath removed): reached through a symbolic link (resolves to "
                + secret.toRealPath() + ")";
        List<String> refusals = result.mbeanLines("recentRefusals");
        assertEquals(6, refusals.size(), refusals.toString());
        assertTrue(refusals.stream().anyMatch(line -> line.endsWith(" " + link)), refusals.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void aMissingFileCountsAsDeletedAndAStorageErrorNeverReachesTheApplication(Database database) throws Exception {
        Path root = Files.createDirectories(temp.resolve("uploads"));
        locked = Files.createDirectories(root.resolve("locked"));
        Files.writeString(locked.resolve("stuck.txt"), "cannot go");
        makeUndeletable(locked);

        AgentRun run = AgentRun.in(root).database(database).option("filecleanup.journal",
                "file:" + temp.resolve("journal"));
        AgentRun.Result result = run.mbean().scenario("storage-errors").succeeded();

        result.assertLogged("the application carried on");
        result.assertLogged("already gone " + root.resolve("errors/gone.txt"));
        result.assertLogged("could not delete " + root.toRealPath().resolve("locked/stuck.txt")
                + " (Document.filePath removed) after 1 attempt(s)");
        new Folder(root, result).kept("locked/stuck.txt").deleted("errors/later.txt");
        assertEquals(1, result.summary("already gone"));
        assertEquals(1, result.summary("failed"));
        assertEquals("1", result.mbean("Failed"));
        assertEquals("1", result.mbean("AlreadyGone"));
        List<String> failures = result.mbeanLines("recentFailures");
        assertEquals(1, failures.size(), result.output());
        assertTrue(failures.get(0).endsWith(" " + root.toRealPath().resolve("locked/stuck.txt")
                + " (Document.filePath removed) after 1 attempt(s): operation not permitted"), failures.toString());

        // Kept in the journal, marked failed, and not tried again by the next start.
        AgentRun.Result restarted = run.scenario("no-change").succeeded();
        restarted.assertLogged("1 file(s) could not be deleted by an earlier run and are kept, marked failed");
        assertEquals(0, restarted.summaryOrZero("failed"));
        new Folder(root, restarted).kept("locked/stuck.txt");
    }

    @AfterEach
    void unlock() throws Exception {
        if (locked != null) {
            changeDeletability(locked, false);
        }
    }

    /** Root may delete in a read-only directory, so root makes it immutable instead. */
    private static void makeUndeletable(Path directory) throws Exception {
        changeDeletability(directory, true);
    }

    private static void changeDeletability(Path directory, boolean locked) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        ProcessBuilder command = root
                ? new ProcessBuilder("chattr", locked ? "+i" : "-i", directory.toString())
                : new ProcessBuilder("chmod", locked ? "555" : "755", directory.toString());
        Process process = command.inheritIO().start();
        assertEquals(0, process.waitFor(), "cannot change " + directory + " with " + command.command());
    }
}
