package dev.filecleanup.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filecleanup.capture.ReleasedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollbackChecksTest {
    private final List<List<ReleasedFile>> handed = new CopyOnWriteArrayList<>();
    private final List<Long> rolledBackAt = new CopyOnWriteArrayList<>();
    private final Counters counters = new Counters();

    @TempDir
    Path root;

    private RollbackChecks checks(Duration delay, int capacity, String inProgress) {
        return new RollbackChecks(delay, capacity, (files, at) -> {
            handed.add(files);
            rolledBackAt.add(at);
        }, counters, List.of(root), sameFile -> sameFile.test(inProgress));
    }

    @Test
    void filesAreHandedOverOnlyOnceTheDelayHasPassed() throws Exception {
        RollbackChecks checks = checks(Duration.ofMillis(300), 10, "");
        long before = System.currentTimeMillis();
        long start = System.nanoTime();
        checks.rolledBack(List.of(written("a.txt"), written("b.txt")));
        assertEquals(2, checks.waiting());
        Thread.sleep(100);
        assertEquals(List.of(), handed, "handed over before the delay");
        awaitHanded(1);
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos());
        assertEquals(List.of(List.of(written("a.txt"), written("b.txt"))), handed);
        assertTrue(rolledBackAt.get(0) >= before && rolledBackAt.get(0) <= System.currentTimeMillis());
        assertEquals(0, checks.waiting());
    }

    @Test
    void atExitOnlyWhatIsDueIsHandedOver() throws Exception {
        RollbackChecks dueNow = checks(Duration.ZERO, 10, "");
        RollbackChecks later = checks(Duration.ofMinutes(10), 10, "");
        later.rolledBack(List.of(written("later.txt")));
        dueNow.rolledBack(List.of(written("now.txt")));
        dueNow.exiting();
        later.exiting();
        awaitHanded(1);
        Thread.sleep(50);
        assertEquals(List.of(List.of(written("now.txt"))), handed);
        assertEquals(1, later.waiting());
    }

    @Test
    void beyondTheCapacityFilesAreDroppedAndCounted() {
        RollbackChecks checks = checks(Duration.ofMinutes(10), 3, "");
        checks.rolledBack(List.of(written("a.txt"), written("b.txt")));
        checks.rolledBack(List.of(written("c.txt"), written("d.txt")));
        checks.rolledBack(List.of(written("e.txt")));
        assertEquals(3, checks.waiting());
        assertEquals(2, counters.dropped());
    }

    @Test
    void aFileThatATransactionInProgressWroteAgainIsLeftToItsOutcome() throws Exception {
        RollbackChecks checks = checks(Duration.ZERO, 10, "retry.txt");
        checks.rolledBack(List.of(written("retry.txt"), written("lost.txt")));
        awaitHanded(1);
        assertEquals(List.of(List.of(written("lost.txt"))), handed);
    }

    /** The retry may spell the file otherwise, or reach it through a linked folder: it is the same file. */
    @Test
    void aRetryThatSpellsTheFileOtherwiseIsLeftToItsOutcomeToo() throws Exception {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/retry.txt"), "upload");
        Files.createSymbolicLink(root.resolve("linked"), root.resolve("docs"));
        for (String spelling : List.of("./docs//retry.txt", root + "/linked/retry.txt")) {
            handed.clear();
            checks(Duration.ZERO, 10, spelling).rolledBack(List.of(written("docs/retry.txt"),
                    written("docs/other.txt")));
            awaitHanded(1);
            assertEquals(List.of(List.of(written("docs/other.txt"))), handed, spelling);
        }
    }

    private void awaitHanded(int batches) throws InterruptedException {
        for (int i = 0; i < 200 && handed.size() < batches; i++) {
            Thread.sleep(10);
        }
        assertEquals(batches, handed.size(), "handed over: " + handed);
    }

    private static ReleasedFile written(String value) {
        return new ReleasedFile(value, "Document", "filePath", ReleasedFile.Cause.WRITTEN, "document.file_path", null);
    }
}
