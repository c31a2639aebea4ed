package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Still referenced" means that a committed row, in any column that can hold a path, names the same file. Each
 * scenario ends with a control removal whose file must go, so that none of these passes without the agent.
 */
class ReferenceIT {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void aRowThatSpellsTheSameFileDifferentlyKeepsIt(Database database) throws Exception {
        Path root = Files.createDirectories(temp.resolve("uploads"));
        AgentRun.Result result = AgentRun.in(root).database(database).scenario("spellings").succeeded();
        new Folder(root, result)
                .kept("spell/0/a.pdf", "spell/1/a.pdf", "spell/2/a.pdf", "spell/3/a.pdf", "spell/4/a.pdf",
                        "spell/5/a.pdf", "spell/wide/\uD83D\uDCC4 a.pdf", "spell/updated/a.pdf", "spell/path/a.pdf")
                .deleted("spell/control.pdf");
        result.assertLogged("kept spell/updated/a.pdf (Document.filePath replaced): still referenced");
    }

    /** The root is a symbolic link, or the rows store the file through another link to it, or the reverse. */
    @Test
    void rowsThatReachTheFileThroughAnotherAliasOfTheRootKeepIt() throws Exception {
        Path real = Files.createDirectories(temp.resolve("real"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), real);
        Path otherLink = Files.createSymbolicLink(temp.resolve("other-link"), real);

        AgentRun.Result throughLink = AgentRun.in(link).scenario("aliases", real.toString(), otherLink.toString())
                .succeeded();
        new Folder(real, throughLink).kept("alias/0.pdf", "alias/1.pdf").deleted("alias/control.pdf");

        Path second = Files.createDirectories(temp.resolve("second"));
        Path secondLink = Files.createSymbolicLink(temp.resolve("second-link"), second);
        AgentRun.Result throughRealPath = AgentRun.in(second).scenario("aliases", secondLink.toString())
                .succeeded();
        new Folder(second, throughRealPath).kept("alias/0.pdf").deleted("alias/control.pdf");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void everyColumnThatCanHoldAPathKeepsItsFiles(Database database) throws Exception {
        Path root = Files.createDirectories(temp.resolve("uploads"));
        AgentRun.Result result = AgentRun.in(root).database(database).scenario("columns").succeeded();
        new Folder(root, result)
                .kept("col/embedded.pdf", "col/collection.pdf", "col/figure.pdf", "col/secondary.pdf",
                        "col/excluded.pdf", "col/union.pdf", "col/lob.pdf", "col/salted.pdf", "col/reversed.pdf",
                        "col/strict.pdf", "col/closed-unit.pdf")
                .deleted("col/climbing.pdf", "col/control.pdf");
        // The subselect entity's column, the large object and the converters are all read: none gives up.
        result.assertNeverMentioned("cannot be checked");
    }

    /** Relative values resolve against the first root only. */
    @Test
    void withNestedRootsARelativeValueNamesTheFirstRootsFileOnly() throws Exception {
        Path root = Files.createDirectories(temp.resolve("uploads"));
        Path inner = Files.createDirectories(root.resolve("inner"));
        AgentRun.Result result = AgentRun.in(root).option("filecleanup.roots", root + "," + inner)
                .scenario("nested-roots").succeeded();
        result.assertLogged("storage root " + inner + " lies inside storage root " + root);
        new Folder(root, result).deleted("inner/a.pdf").kept("a.pdf");
    }

    /** MariaDB compares without case; on Linux docs/A.pdf is still another file. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void aRowThatNamesAFileDifferingOnlyInCaseDoesNotKeepIt(Database database) throws Exception {
        Path root = Files.createDirectories(temp.resolve("uploads"));
        AgentRun.Result result = AgentRun.in(root).database(database).scenario("case").succeeded();
        new Folder(root, result).deleted("case/a.pdf").kept("case/A.pdf");
    }

    /** The application's pool reads uncommitted data; the check must not (PostgreSQL never does). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void anotherTransactionsUncommittedRemovalDoesNotCount(Database database) throws Exception {
        Path root = Files.createDirectories(temp.resolve("uploads"));
        AgentRun.Result result = AgentRun.in(root).database(database)
                .option("app.hibernate.connection.isolation", "1").scenario("read-uncommitted").succeeded();
        result.assertLogged("checked while the other transaction was open: true");
        new Folder(root, result).kept("dirty/x.pdf").deleted("dirty/y.pdf");
    }

    @Test
    void theWorkerGoesOnAfterTheHostInterruptsIt() throws Exception {
        Path root = Files.createDirectories(temp.resolve("uploads"));
        AgentRun.Result result = AgentRun.in(root).scenario("interrupt").succeeded();
        result.assertLogged("deleted after the interrupt: true");
    }

    /**
     * The agent reads a removed proxy's row instead of loading it, so Hibernate behaves as without the agent: on
     * 6.2+, a proxy of a row that is already gone fails at commit, not in {@code remove}. The file of a proxy whose
     * row is there is still deleted.
     */
    @Test
    void removingTheProxyOfAVanishedRowBehavesAsWithoutTheAgent() throws Exception {
        Path root = Files.createDirectories(temp.resolve("uploads"));
        AgentRun.Result agent = AgentRun.in(root).scenario("missing-proxy").succeeded();
        new Folder(root, agent).deleted("missing/there.pdf");
        List<String> withAgent = outcome(agent);
        List<String> without = outcome(AgentRun.in(root).withoutAgent().scenario("missing-proxy").succeeded());
        // 6.2+ fails at commit ("loaded by remove: false" twice, then the RollbackException); 5.6 loads in remove.
        assertTrue(without.size() >= 2 && without.get(without.size() - 1).startsWith("outcome: "),
                String.join("\n", without));
        assertEquals(without, withAgent);
    }

    /** The check uses a connection of its own: with a pool of two, the application still gets the second one. */
    @Test
    @ResourceLock(Database.SERVERS)
    void theCheckNeverTakesTheConnectionTheApplicationNeeds() throws Exception {
        Path root = Files.createDirectories(temp.resolve("uploads"));
        AgentRun.Result result = AgentRun.in(root).database(Database.POSTGRESQL)
                .option("app.hibernate.connection.pool_size", "2").scenario("small-pool").succeeded();
        result.assertLogged("check waiting: true");
        result.assertLogged("the application got its connection");
        new Folder(root, result).deleted("pool/removed.pdf");
    }

    /** Closing a unit whose rows can still be read afterwards does not wait for a check that does not need it. */
    @Test
    @ResourceLock(Database.SERVERS)
    void closingAnotherUnitDoesNotWaitForACheck() throws Exception {
        Path root = Files.createDirectories(temp.resolve("uploads"));
        AgentRun.Result result = AgentRun.in(root).database(Database.POSTGRESQL).scenario("close-unrelated")
                .succeeded();
        result.assertLogged("the check still waited when the archive unit had closed: true");
        new Folder(root, result).deleted("close/removed.pdf");
    }

    private static List<String> outcome(AgentRun.Result result) {
        return result.output().lines()
                .filter(line -> line.startsWith("loaded by remove: ") || line.startsWith("outcome: ")).toList();
    }
}
