package dev.filecleanup.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filecleanup.catalog.FileColumn;
import dev.filecleanup.cleanup.Counters;
import dev.filecleanup.cleanup.DeletionQueue;
import dev.filecleanup.cleanup.H2Model;
import dev.filecleanup.config.AgentConfig;
import dev.filecleanup.journal.Journal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole sweep against rows in H2: what confirming the candidates costs, and what it finds. */
class SweepTest {
    private static final FileColumn DOCUMENT = new FileColumn("document", "file_path", false, String.class, null);

    @TempDir
    Path temp;
    private final Counters counters = new Counters();
    private final List<H2Model> databases = new ArrayList<>();
    private Path root;
    private DeletionQueue queue;

    @AfterEach
    void close() throws Exception {
        for (H2Model database : databases) {
            database.close();
        }
    }

    /** The old way checked every 5,000 candidates with one more read of every column: 1 statement more here. */
    @Test
    void theStatementsDoNotGrowWithTheOrphans() throws Exception {
        long few = statements(1_000);
        long many = statements(12_000);
        assertEquals(few, many, "statements for 1,000 and for 12,000 orphans");
    }

    private long statements(int orphans) throws Exception {
        setUp("orphans" + orphans, "insert into document select 'ref/ref' || x || '.pdf' from system_range(0, 49)");
        files("ref", 50);
        files("orphan", orphans);
        long before = counters.referenceQueries();
        String outcome = sweep(Sweep.Limits.DEFAULT);
        assertTrue(outcome.startsWith("sweep deleted " + orphans + " orphan(s);"), outcome);
        assertTrue(outcome.contains("1 confirming read(s) of the columns, 0 candidate(s) checked exactly"), outcome);
        assertEquals(50, count(root.resolve("ref")));
        assertEquals(0, count(root.resolve("orphan")));
        return counters.referenceQueries() - before;
    }

    @Test
    void chunksCoverEveryCandidateOnce() throws Exception {
        setUp("chunks", "insert into document values ('kept.pdf')");
        files("orphan", 1_000);
        Files.writeString(root.resolve("kept.pdf"), "kept");
        String outcome = sweep(new Sweep.Limits(300, Duration.ofHours(1).toNanos()));
        assertTrue(outcome.startsWith("sweep deleted 1000 orphan(s);"), outcome);
        assertTrue(outcome.contains("4 confirming read(s) of the columns"), outcome);
        assertTrue(Files.exists(root.resolve("kept.pdf")));
    }

    /**
     * The pass compares names, as the reference check asks the database: a row that spells the file through a
     * linked folder in the root is found, and a file that only shares its name with a referenced one goes.
     */
    @Test
    void candidatesWhoseNameARowSpellsAreCheckedExactly() throws Exception {
        setUp("names", "insert into document values ('linked/d.pdf'), ('a/original.jpg')");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/d.pdf"), "d");
        Files.createSymbolicLink(root.resolve("linked"), root.resolve("docs"));
        Files.createDirectories(root.resolve("a"));
        Files.writeString(root.resolve("a/original.jpg"), "a");
        Files.createDirectories(root.resolve("b"));
        Files.writeString(root.resolve("b/original.jpg"), "b");
        files("orphan", 3);

        String outcome = sweep(Sweep.Limits.DEFAULT);

        assertTrue(Files.exists(root.resolve("docs/d.pdf")), outcome);
        assertTrue(Files.exists(root.resolve("a/original.jpg")), outcome);
        assertFalse(Files.exists(root.resolve("b/original.jpg")), outcome);
        assertTrue(outcome.startsWith("sweep deleted 4 orphan(s);"), outcome);
        assertTrue(outcome.contains("2 candidate(s) checked exactly, 1 referenced after all"), outcome);
    }

    /** A row written after a pass is seen by the next one: a pass holds for a bounded time only. */
    @Test
    void aRowWrittenAfterThePassHeldIsSeen() throws Exception {
        H2Model database = setUp("held", "select 1");
        files("orphan", 2);
        List<String> accepted = confirm(database, 0);
        assertEquals(List.of("orphan/orphan0.pdf"), accepted, "the second pass reads the row naming orphan/orphan1.pdf");

        H2Model again = setUp("held-again", "select 1");
        files("orphan", 2);
        assertEquals(List.of("orphan/orphan0.pdf", "orphan/orphan1.pdf"), confirm(again, Duration.ofHours(1).toNanos()),
                "the pass holds: the row written since is not read");
    }

    /** A SessionFactory built while the sweep confirms: its rows are read before any further candidate goes. */
    @Test
    void aSessionFactoryBuiltDuringTheSweepIsReadFirst() throws Exception {
        setUp("before", "select 1");
        files("orphan", 2);
        H2Model later = new H2Model("later", List.of(), "create table document (file_path varchar(300))",
                "insert into document values ('" + root.resolve("orphan/orphan1.pdf") + "')");
        databases.add(later);
        List<String> accepted = new ArrayList<>();
        try (Spool spool = spool("orphan/orphan0.pdf", "orphan/orphan1.pdf")) {
            confirmation(Duration.ofHours(1).toNanos()).confirmed(spool, (file, candidate) -> {
                accepted.add(root.relativize(file).toString());
                queue.watch("later", "later", later, List.of(DOCUMENT));
            });
        }
        assertEquals(List.of("orphan/orphan0.pdf"), accepted);
    }

    private Spool spool(String... relative) throws IOException {
        Spool spool = new Spool(temp.resolve("spool"));
        for (String file : relative) {
            spool.add(new Spool.Candidate(0, file, 1, 0));
        }
        return spool;
    }

    private Confirmation confirmation(long holdsNanos) throws IOException {
        return new Confirmation(queue.references(), List.of(root), List.of(root.toRealPath()), () -> false, 100,
                System.currentTimeMillis(), new Sweep.Limits(100, holdsNanos), () -> 0);
    }

    /** Confirms two candidates; accepting the first writes a row that names the second. */
    private List<String> confirm(H2Model database, long holdsNanos) throws Exception {
        List<String> accepted = new ArrayList<>();
        try (Spool spool = spool("orphan/orphan0.pdf", "orphan/orphan1.pdf")) {
            confirmation(holdsNanos).confirmed(spool, (file, candidate) -> {
                accepted.add(root.relativize(file).toString());
                try {
                    database.execute("insert into document values ('" + root.resolve("orphan/orphan1.pdf") + "')");
                } catch (SQLException e) {
                    throw new IOException(e);
                }
            });
        }
        return accepted;
    }

    private H2Model setUp(String name, String... statements) throws Exception {
        root = Files.createDirectories(temp.resolve(name));
        H2Model database = new H2Model(name, List.of(), concat("create table document (file_path varchar(300))",
                statements));
        databases.add(database);
        queue = new DeletionQueue(List.of(root), false, 1, Duration.ofMillis(1), counters, Journal.NONE, 100,
                Duration.ofHours(1), Duration.ofHours(1));
        queue.watch(name, name, database, List.of(DOCUMENT));
        return database;
    }

    private String sweep(Sweep.Limits limits) throws Exception {
        AgentConfig config = AgentConfig.from(Map.of(), Map.of("user.home", temp.toString(), "filecleanup.roots",
                root.toString(), "filecleanup.sweep", "delete", "filecleanup.sweep.minAge", "0s",
                "filecleanup.sweep.rate", "1000000"), Map.of());
        return new Sweep(config.sweep(), queue.references(), () -> false, limits).run();
    }

    /** {@code folder/folder0.pdf}, ...: names that no other folder's files share. */
    private void files(String folder, int count) throws IOException {
        Files.createDirectories(root.resolve(folder));
        for (int i = 0; i < count; i++) {
            Files.writeString(root.resolve(folder + "/" + folder + i + ".pdf"), "contents " + i);
        }
    }

    private static long count(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.count();
        }
    }

    private static String[] concat(String first, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }
}
