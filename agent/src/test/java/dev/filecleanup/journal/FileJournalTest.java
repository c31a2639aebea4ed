package dev.filecleanup.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filecleanup.capture.ReleasedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileJournalTest {
    @TempDir
    Path directory;
    /** Where a copy of the journal goes, as a crash leaves it. */
    @TempDir
    Path crashed;

    @Test
    void committedEntriesOutliveTheJvmAndSettledOrRolledBackOnesDoNot() throws IOException {
        FileJournal journal = FileJournal.open(directory);
        long[] committed = journal.committing(null, List.of(released("a.txt"), released("b.txt")));
        long[] rolledBack = journal.committing(null, List.of(released("c.txt")));
        journal.completed(rolledBack, false);
        journal.settle(committed[0]);
        // No close: what a crash leaves. The settle marks were never written, the rolled-back entry neither.
        copyJournal();

        FileJournal afterCrash = FileJournal.open(copy());
        assertEquals(List.of("a.txt", "b.txt", "c.txt"), values(afterCrash, 0, 100));
        journal.close();
        afterCrash.close();

        FileJournal afterClose = FileJournal.open(directory);
        assertEquals(List.of("b.txt"), values(afterClose, 0, 100));
        ReleasedFile replayed = entries(afterClose, 0, 100).get(0).file();
        assertEquals(released("b.txt"), replayed);
        afterClose.close();
    }

    @Test
    void entriesOfARunningTransactionAreNotReplayedUntilLeftToTheJournal() throws IOException {
        try (Closing journal = new Closing(FileJournal.open(directory))) {
            long[] running = journal.it.committing(null, List.of(released("a.txt")));
            assertEquals(List.of(), values(journal.it, 0, 100));
            journal.it.completed(running, true);
            assertEquals(List.of("a.txt"), values(journal.it, 0, 100));
        }
    }

    @Test
    void replayGoesOnAfterAGivenEntryAndStopsAtTheLimit() throws IOException {
        try (Closing journal = new Closing(FileJournal.open(directory))) {
            long[] numbers = journal.it.committing(null,
                    IntStream.range(0, 5).mapToObj(i -> released(i + ".txt")).toList());
            journal.it.completed(numbers, true);
            assertEquals(List.of("0.txt", "1.txt"), values(journal.it, 0, 2));
            assertEquals(List.of("2.txt", "3.txt"), values(journal.it, numbers[1], 2));
            assertEquals(List.of("4.txt"), values(journal.it, numbers[3], 2));
        }
    }

    @Test
    void aTornLastRecordIsCutOffAndTheRestKept() throws IOException {
        FileJournal journal = FileJournal.open(directory);
        journal.completed(journal.committing(null, List.of(released("a.txt"), released("b.txt"))), true);
        journal.close();
        Path log = directory.resolve(JournalFile.LOG);
        long whole = Files.size(log);
        byte[] record = JournalRecords.added(99, released("torn.txt"), 1);
        Files.write(log, java.util.Arrays.copyOf(record, record.length - 3), StandardOpenOption.APPEND);

        FileJournal reopened = FileJournal.open(directory);
        assertEquals(List.of("a.txt", "b.txt"), values(reopened, 0, 100));
        assertEquals(whole, Files.size(log));
        long[] next = reopened.committing(null, List.of(released("c.txt")));
        reopened.completed(next, true);
        assertEquals(List.of("a.txt", "b.txt", "c.txt"), values(reopened, 0, 100));
        reopened.close();
    }

    @Test
    void aRecordWithAWrongChecksumEndsTheReadablePart() throws IOException {
        FileJournal journal = FileJournal.open(directory);
        journal.completed(journal.committing(null, List.of(released("a.txt"))), true);
        journal.completed(journal.committing(null, List.of(released("b.txt"))), true);
        journal.close();
        Path log = directory.resolve(JournalFile.LOG);
        byte[] bytes = Files.readAllBytes(log);
        bytes[bytes.length - 1] ^= 1;
        Files.write(log, bytes);

        try (Closing reopened = new Closing(FileJournal.open(directory))) {
            assertEquals(List.of("a.txt"), values(reopened.it, 0, 100));
        }
    }

    @Test
    void compactionKeepsTheFileBoundedAndLosesNothingWaiting() throws IOException {
        FileJournal journal = FileJournal.open(directory, 16 << 10);
        List<Long> waiting = new ArrayList<>();
        long largest = 0;
        for (int i = 0; i < 5_000; i++) {
            long[] numbers = journal.committing(null, List.of(released("file-" + i + ".txt")));
            journal.completed(numbers, true);
            if (i % 1_000 == 0) {
                waiting.add(numbers[0]);
            } else {
                journal.settle(numbers[0]);
            }
            largest = Math.max(largest, Files.size(directory.resolve(JournalFile.LOG)));
        }
        long failed = journal.committing(null, List.of(released("failed.txt")))[0];
        journal.failed(failed, "permission denied");
        journal.close();
        assertTrue(largest < 64 << 10, "the journal grew to " + largest + " bytes");

        FileJournal reopened = FileJournal.open(directory, 16 << 10);
        List<Journal.Entry> entries = entries(reopened, 0, 100);
        assertEquals(waiting, entries.stream().map(Journal.Entry::number).toList());
        assertEquals(List.of("file-0.txt", "file-1000.txt", "file-2000.txt", "file-3000.txt", "file-4000.txt"),
                entries.stream().map(entry -> entry.file().value()).toList());
        long next = reopened.committing(null, List.of(released("next.txt")))[0];
        assertTrue(next > failed, "entry numbers are never reused");
        reopened.close();
    }

    @Test
    void aSecondUserOfTheDirectoryIsRefusedWithWhoHoldsIt() throws IOException {
        try (Closing first = new Closing(FileJournal.open(directory))) {
            IOException refused = assertThrows(IOException.class, () -> FileJournal.open(directory));
            assertTrue(refused.getMessage().contains("in use by another JVM (pid " + ProcessHandle.current().pid()
                    + ")"), refused.getMessage());
        }
        FileJournal.open(directory).close();
    }

    /** Threads that commit together share one forced write: the first to write writes for all waiting. */
    @Test
    void concurrentCommitsShareOneForcedWrite() throws Exception {
        FileJournal journal = FileJournal.open(directory);
        int threads = 8;
        CountDownLatch appended = new CountDownLatch(threads);
        List<Thread> committers = new ArrayList<>();
        long[][] numbers = new long[threads][];
        synchronized (journalForcing(journal)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread committer = new Thread(() -> {
                    appended.countDown();
                    numbers[thread] = journal.committing(null, List.of(released("t" + thread + ".txt")));
                });
                committers.add(committer);
                committer.start();
            }
            appended.await();
            while (committers.stream().anyMatch(thread -> thread.getState() != Thread.State.BLOCKED)) {
                Thread.onSpinWait();
            }
        }
        for (Thread committer : committers) {
            committer.join();
        }
        assertEquals(1, journal.forces());
        for (long[] each : numbers) {
            journal.completed(each, true);
        }
        assertEquals(threads, values(journal, 0, 100).size());
        journal.close();
    }

    @Test
    void failedEntriesAreKeptButNotReplayed() throws IOException {
        FileJournal journal = FileJournal.open(directory);
        long[] numbers = journal.committing(null, List.of(released("stuck.txt"), released("ok.txt")));
        journal.completed(numbers, true);
        journal.failed(numbers[0], "permission denied");
        journal.close();
        try (Closing reopened = new Closing(FileJournal.open(directory))) {
            assertEquals(List.of("ok.txt"), values(reopened.it, 0, 100));
            assertArrayEquals(new long[] {1, 1}, new long[] {reopened.it.waiting(), reopened.it.failed()});
        }
    }

    private static Object journalForcing(FileJournal journal) throws ReflectiveOperationException {
        java.lang.reflect.Field forcing = FileJournal.class.getDeclaredField("forcing");
        forcing.setAccessible(true);
        return forcing.get(journal);
    }

    private Path copy() {
        return crashed;
    }

    /** The journal's bytes as a crash would leave them: what was written, without what only memory held. */
    private void copyJournal() throws IOException {
        Files.createDirectories(copy());
        Files.copy(directory.resolve(JournalFile.LOG), copy().resolve(JournalFile.LOG));
    }

    private static List<String> values(Journal journal, long after, int limit) {
        return entries(journal, after, limit).stream().map(entry -> entry.file().value()).toList();
    }

    private static List<Journal.Entry> entries(Journal journal, long after, int limit) {
        List<Journal.Entry> entries = new ArrayList<>();
        journal.replay(after, limit, entries::add);
        return entries;
    }

    private static ReleasedFile released(String value) {
        return new ReleasedFile(value, "Document", "filePath", ReleasedFile.Cause.REMOVED, "document.file_path",
                null);
    }

    private record Closing(FileJournal it) implements AutoCloseable {
        @Override
        public void close() {
            it.close();
        }
    }
}
