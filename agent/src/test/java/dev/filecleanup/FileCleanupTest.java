package dev.filecleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filecleanup.capture.FakeAction;
import dev.filecleanup.catalog.FileColumn;
import dev.filecleanup.catalog.MappedAttribute;
import dev.filecleanup.cleanup.H2Model;
import dev.filecleanup.config.AgentConfig;
import dev.filecleanup.journal.Journal;
import dev.filecleanup.line.HibernateLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's stages wired together, with a SessionFactory model of the test's own whose connections block:
 * what a closing SessionFactory and the exit hook do while a reference check cannot finish.
 */
class FileCleanupTest {
    @TempDir
    Path root;
    private final Object sessionFactory = new Object();
    private final Object persister = new Object();
    private final FakeAction.Session session = new FakeAction.Session(null);
    private final CountDownLatch release = new CountDownLatch(1);
    private H2Model database;

    @BeforeEach
    void database() throws SQLException {
        database = new H2Model("cleanup", List.of(new MappedAttribute(persister, null, "Document", "filePath", 0,
                String.class, new FileColumn("document", "file_path", false, String.class, null))),
                "create table document (file_path varchar(200))").blockedBy(release);
    }

    @AfterEach
    void drop() throws SQLException {
        release.countDown();
        database.close();
    }

    @Test
    void aClosingSessionFactoryWaitsForTheCheckItsFilesNeed() throws Throwable {
        database.closingWithTheFactory();
        FileCleanup cleanup = committedRemovalOf("a.txt", 10);
        assertTrue(database.awaitBlocked());
        releaseAfter(300);

        cleanup.sessionFactoryClosing(sessionFactory);

        assertFalse(Files.exists(root.resolve("a.txt")), "deleted before the factory closed");
        assertEquals(1, cleanup.counters().deleted());
    }

    @Test
    void aClosingSessionFactoryGivesUpAtTheTimeoutAndKeepsTheFile() throws Throwable {
        database.closingWithTheFactory();
        FileCleanup cleanup = committedRemovalOf("a.txt", 1);
        assertTrue(database.awaitBlocked());

        long started = System.nanoTime();
        cleanup.sessionFactoryClosing(sessionFactory);

        assertTrue(System.nanoTime() - started >= TimeUnit.SECONDS.toNanos(1), "returned before the timeout");
        assertTrue(Files.exists(root.resolve("a.txt")));
        assertFalse(cleanup.routes().watches(persister), "the closed factory's entities are forgotten");
    }

    /** Its rows can still be read after it closes, so closing it need not wait for anything. */
    @Test
    void aFactoryWhoseConnectionsOutliveItClosesAtOnceAndItsRowsStillCount() throws Throwable {
        FileCleanup cleanup = committedRemovalOf("a.txt", 10);
        assertTrue(database.awaitBlocked());

        cleanup.sessionFactoryClosing(sessionFactory);

        assertTrue(Files.exists(root.resolve("a.txt")), "closing waited for the check");
        database.execute("insert into document values ('a.txt')");
        release.countDown();
        cleanup.shutdown();
        assertTrue(Files.exists(root.resolve("a.txt")), "the closed factory's row did not count");
        assertEquals(1, cleanup.counters().kept());
    }

    @Test
    void theExitHookFinishesABlockedCheckBeforeTheJvmGoes() throws Throwable {
        FileCleanup cleanup = committedRemovalOf("a.txt", 10);
        assertTrue(database.awaitBlocked());
        releaseAfter(300);

        cleanup.shutdown();

        assertFalse(Files.exists(root.resolve("a.txt")));
        assertEquals(1, cleanup.counters().deleted());
    }

    /** One committed transaction that removed a row holding {@code file}; its check blocks until released. */
    private FileCleanup committedRemovalOf(String file, int shutdownTimeoutSeconds) throws Throwable {
        Files.writeString(root.resolve(file), "x");
        FileCleanup cleanup = new FileCleanup(AgentConfig.from(Map.of(), Map.of("filecleanup.roots", root.toString(),
                "filecleanup.journal", "none",
                "filecleanup.attributes", "Document.filePath",
                "filecleanup.shutdownTimeout", String.valueOf(shutdownTimeoutSeconds)), Map.of()), Journal.NONE);
        cleanup.watch(sessionFactory, HibernateLine.V6_2, database);
        cleanup.transactions().began(session);
        cleanup.routes().entityDeleted(new FakeAction(session), persister, new Object[] {file});
        cleanup.transactions().completed(session, true);
        return cleanup;
    }

    private void releaseAfter(long millis) {
        new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        }).start();
    }
}
