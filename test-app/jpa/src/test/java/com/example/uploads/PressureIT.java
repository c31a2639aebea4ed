package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One commit releases 100,000 files into a queue with room for 1,000: the committing thread hands them over and
 * goes on; with a journal they wait there and are all deleted, a thousand at a time, and without one they are
 * dropped, counted and left on disk.
 */
class PressureIT {
    private static final int BURST = 100_000;

    @TempDir
    Path temp;

    @Test
    void aBurstBeyondTheQueuesBoundWaitsInTheJournalAndIsAllDeleted() throws Exception {
        Path root = Files.createDirectories(temp.resolve("uploads"));
        AgentRun.Result result = burst(root, "file:" + temp.resolve("journal"));
        result.assertLogged("the deletion queue is full (1000 files, filecleanup.queue.capacity): released files "
                + "wait in the journal");
        assertEquals(BURST, result.summary("released"));
        assertEquals(BURST, result.summary("left in the journal while the queue was full"));
        assertEquals(BURST, result.summary("replayed from the journal"));
        assertEquals(BURST, result.summary("deleted"));
        assertEquals(0, files(root));
    }

    @Test
    void withoutAJournalABurstBeyondTheBoundIsDroppedAndCounted() throws Exception {
        Path root = Files.createDirectories(temp.resolve("uploads"));
        AgentRun.Result result = burst(root, "none");
        result.assertLogged("released files that no journal holds are dropped, and stay on disk");
        assertEquals(BURST, result.summary("dropped while the queue was full"));
        assertEquals(0, result.summary("deleted"));
        assertEquals(BURST, files(root));
    }

    private static AgentRun.Result burst(Path root, String journal) throws Exception {
        return AgentRun.in(root).option("filecleanup.journal", journal)
                .option("filecleanup.queue.capacity", "1000")
                .option("filecleanup.journal.replayDelay", "0ms")
                .option("filecleanup.shutdownTimeout", "100")
                .option("app.hibernate.jdbc.batch_size", "1000")
                .scenario("burst", String.valueOf(BURST)).succeeded();
    }

    private static long files(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
