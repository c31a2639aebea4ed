package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The orphan sweep ({@code filecleanup.sweep}). The application writes its files, lets them age past the grace
 * period, then writes rows naming some of them under other spellings, and waits ({@link SweepScenarios}). The
 * files no row names are orphans; the others, the young one, the excluded ones, a link and a directory must stay.
 */
class SweepIT {
    /** What the rows name, under other spellings, and what the sweep must never touch. */
    private static final String[] NEVER_SWEPT = {"a.pdf", "docs/b.pdf", "docs/c.pdf", "avatar.png", "native.pdf",
            "young.pdf", "tmp/upload.part", "cache/thumb.png", "link.pdf", "empty-dir"};
    private static final String[] ORPHANS = {"orphan/1.pdf", "docs/orphan.pdf"};
    /** The files age this long, past the grace period of 4 s; the young one is written after. */
    private static final String AGE_MILLIS = "4500";

    @TempDir
    Path temp;

    private Path root() throws Exception {
        return Files.createDirectories(temp.resolve("uploads"));
    }

    private AgentRun sweep(Path root, Database database, String mode) {
        return AgentRun.in(root).database(database)
                .option("filecleanup.sweep", mode)
                .option("filecleanup.sweep.minAge", "4s")
                .option("filecleanup.sweep.exclude", "tmp/**,cache/**")
                .option("filecleanup.sweep.reports", temp.resolve("reports").toString())
                .option("filecleanup.sweep.rate", "200")
                .option("filecleanup.journal.replayDelay", "2s");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void reportModeListsTheOrphansAndDeletesNothing(Database database) throws Exception {
        Path root = root();
        AgentRun.Result result = sweep(root, database, "report")
                .scenario("sweep", "files", AGE_MILLIS, "report:" + temp.resolve("reports")).succeeded();

        Matcher logged = Pattern.compile("sweep report (\\S+\\.csv): 2 orphan\\(s\\), nothing deleted")
                .matcher(result.output());
        assertTrue(logged.find(), result.output());
        List<String> lines = Files.readAllLines(Path.of(logged.group(1)));
        assertEquals("path,size,modified", lines.get(0));
        assertEquals(3, lines.size(), lines.toString());
        for (String orphan : ORPHANS) {
            String size = String.valueOf(("contents of " + Path.of(orphan).getFileName()).length());
            assertTrue(lines.stream().anyMatch(line -> line.matches(Pattern.quote(root.resolve(orphan) + "," + size
                    + ",") + "\\d{4}-\\d\\d-\\d\\dT.*Z")), orphan + " in " + lines);
        }
        new Folder(root, result).kept(NEVER_SWEPT).kept(ORPHANS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void deleteModeDeletesTheOrphansOnly(Database database) throws Exception {
        Path root = root();
        AgentRun.Result result = sweep(root, database, "delete")
                .scenario("sweep", "files", AGE_MILLIS, "gone:" + String.join(",", ORPHANS)).succeeded();

        new Folder(root, result).deleted(ORPHANS).kept(NEVER_SWEPT);
        assertTrue(Files.exists(temp.resolve("uploads-outside/secret.pdf")), result.output());
        for (String orphan : ORPHANS) {
            result.assertLogged("deleted " + root.toRealPath().resolve(orphan) + " (orphan sweep)");
        }
        result.assertLogged("sweep deleted 2 orphan(s)");
        result.assertLogged("2 orphan candidate(s)");
    }

    /** Files but no row naming any: the wrong database. Delete mode stops, unless forced. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void aRootWhereNoFileIsReferencedStopsDeleteModeUnlessForced(Database database) throws Exception {
        Path root = root();
        AgentRun.Result refused = sweep(root, database, "delete")
                .scenario("sweep", "empty", AGE_MILLIS, "swept").succeeded();
        refused.assertLogged("sweep refused: storage root " + root + " holds 8 file(s) and no row references any "
                + "of them (the wrong database?); nothing is deleted");
        new Folder(root, refused).kept(NEVER_SWEPT).kept(ORPHANS);

        Path forcedRoot = Files.createDirectories(temp.resolve("forced"));
        AgentRun.Result forced = sweep(forcedRoot, database, "delete").option("filecleanup.sweep.force", "true")
                .scenario("sweep", "empty", AGE_MILLIS, "gone:a.pdf,native.pdf,orphan/1.pdf").succeeded();
        forced.assertLogged("warning, storage root " + forcedRoot + " holds 8 file(s) and no row references any");
        new Folder(forcedRoot, forced).deleted("a.pdf", "docs/b.pdf", "avatar.png", "native.pdf").deleted(ORPHANS)
                .kept("young.pdf", "tmp/upload.part", "cache/thumb.png", "link.pdf", "empty-dir");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void aQueryThatFailsAbortsTheSweepAndKeepsEveryFile(Database database) throws Exception {
        Path root = root();
        AgentRun.Result result = sweep(root, database, "delete")
                .scenario("sweep", "drop-column", AGE_MILLIS, "swept").succeeded();
        result.assertLogged("sweep aborted: SessionFactory 'uploads' could not ");
        result.assertLogged("; every file is kept");
        new Folder(root, result).kept(ORPHANS).kept(NEVER_SWEPT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void aClosedSessionFactoryRefusesTheSweep(Database database) throws Exception {
        Path root = root();
        AgentRun.Result result = sweep(root, database, "delete")
                .scenario("sweep", "closed-unit", AGE_MILLIS, "swept").succeeded();
        result.assertLogged("sweep refused: SessionFactory 'archive' is closed; every file is kept");
        new Folder(root, result).kept(ORPHANS);
    }

    /** Another JVM sweeping the same folder holds the lock file next to the root: this one does nothing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void aSweepThatAnotherJvmHoldsTheLockOfIsSkipped(Database database) throws Exception {
        Path root = root();
        Path lockFile = root.toRealPath().resolveSibling(".filecleanup-sweep-uploads.lock");
        AgentRun.Result result;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            result = sweep(root, database, "delete").scenario("sweep", "files", AGE_MILLIS, "swept").succeeded();
        }
        result.assertLogged("sweep skipped: another sweep holds " + lockFile);
        new Folder(root, result).kept(ORPHANS);
        assertFalse(Files.exists(root.resolve(lockFile.getFileName())), "the lock file lies inside the root");
    }

    /** Neither at startup nor on a schedule: only the MBean's operation sweeps, and answers with the outcome. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void theMBeanSweepsOnDemand(Database database) throws Exception {
        Path root = root();
        AgentRun.Result result = sweep(root, database, "delete").option("filecleanup.sweep.at", "none")
                .option("testapp.mbean.sweep", "true").scenario("sweep", "files", AGE_MILLIS, "mbean").succeeded();
        assertTrue(result.mbean("sweepNow").startsWith("sweep deleted 2 orphan(s)"), result.mbean("sweepNow"));
        result.assertLogged("sweep #1 (on demand, delete) started");
        new Folder(root, result).deleted(ORPHANS).kept(NEVER_SWEPT);
    }

    /** A schedule sweeps again: a row that native SQL stops naming after the first sweep loses its file. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void aScheduledSweepRunsAgain(Database database) throws Exception {
        Path root = root();
        AgentRun.Result result = sweep(root, database, "delete").option("filecleanup.sweep.at", "none")
                .option("filecleanup.sweep.every", "2s")
                .scenario("sweep", "every", AGE_MILLIS, "gone:" + String.join(",", ORPHANS)).succeeded();
        result.assertLogged("native.pdf is no longer referenced");
        new Folder(root, result).deleted(ORPHANS).deleted("native.pdf").kept("a.pdf", "docs/b.pdf");
        result.assertLogged("sweep #2 (scheduled, delete) started");
        result.assertLogged("deleted " + root.toRealPath().resolve("native.pdf") + " (orphan sweep)");
    }
}
