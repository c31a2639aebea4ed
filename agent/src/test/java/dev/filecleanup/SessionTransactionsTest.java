package dev.filecleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTransactionsTest {
    @TempDir
    Path root;
    private DeletionQueue queue;
    private SessionTransactions transactions;
    private final Object session = new Object();

    @BeforeEach
    void setUp() throws Exception {
        queue = new DeletionQueue(new SafeDeleter(new StorageRoots(List.of(root)), false), 1);
        queue.register("factory", new ReferenceLookup() {
            @Override
            public Set<String> stillReferenced(Collection<String> values) {
                return Set.of();
            }

            @Override
            public long statementsRun() {
                return 0;
            }
        });
        transactions = new SessionTransactions(queue);
        Files.writeString(root.resolve("a.txt"), "a");
    }

    @Test
    void aCommitHandsTheFilesOver() throws Exception {
        transactions.began(session);
        transactions.record(session, released("a.txt"));
        transactions.completed(session, true);
        assertTrue(queue.awaitIdle(Duration.ofSeconds(5)));
        assertTrue(Files.notExists(root.resolve("a.txt")));
        assertEquals(0, transactions.pendingSessions());
    }

    @Test
    void aRollbackDropsThem() throws Exception {
        transactions.began(session);
        transactions.record(session, released("a.txt"));
        transactions.completed(session, false);
        transactions.completed(session, true);
        assertTrue(queue.awaitIdle(Duration.ofSeconds(5)));
        assertTrue(Files.exists(root.resolve("a.txt")));
    }

    /** A failed commit before HHH-20336 runs no completion at all; the next begin must forget its files. */
    @Test
    void aTransactionThatNeverCompletedLeavesNothingForTheNextOne() throws Exception {
        transactions.began(session);
        transactions.record(session, released("a.txt"));
        transactions.began(session);
        transactions.completed(session, true);
        assertTrue(queue.awaitIdle(Duration.ofSeconds(5)));
        assertTrue(Files.exists(root.resolve("a.txt")));
    }

    @Test
    void sessionsAreIndependent() throws Exception {
        Object other = new Object();
        transactions.record(session, released("a.txt"));
        transactions.record(other, released("b.txt"));
        transactions.completed(other, true);
        assertTrue(queue.awaitIdle(Duration.ofSeconds(5)));
        assertTrue(Files.exists(root.resolve("a.txt")));
        assertEquals(1, transactions.pendingSessions());
    }

    private static ReleasedFile released(String value) {
        return new ReleasedFile(value, "Document", "filePath", ReleasedFile.Cause.REMOVED);
    }
}
