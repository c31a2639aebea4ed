package dev.filecleanup.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filecleanup.cleanup.Counters;
import dev.filecleanup.cleanup.DeletionQueue;
import dev.filecleanup.cleanup.StoredReferences;
import dev.filecleanup.journal.Journal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep's parts that need no database: the filter, the walk, the lock and the report. */
class SweepUnitsTest {
    @TempDir
    Path temp;

    @Test
    void theFilterFindsEveryPathAddedAndFewOthers() {
        BloomFilter filter = new BloomFilter(100_000);
        for (int i = 0; i < 100_000; i++) {
            filter.add("/srv/uploads/" + i + "/original.jpg");
        }
        for (int i = 0; i < 100_000; i++) {
            assertTrue(filter.mightContain("/srv/uploads/" + i + "/original.jpg"));
        }
        int falsePositives = 0;
        for (int i = 0; i < 100_000; i++) {
            falsePositives += filter.mightContain("/srv/uploads/" + i + "/other.jpg") ? 1 : 0;
        }
        // 16 bits and 8 hashes a path: about 0.06 %; 0.5 % would mean the hashes do not spread.
        assertTrue(falsePositives < 500, falsePositives + " false positives in 100,000");
    }

    @Test
    void theFilterHasABoundWhateverTheRows() {
        assertEquals(BloomFilter.MIN_BITS / 8, new BloomFilter(0).bytes());
        assertEquals(BloomFilter.MAX_BITS / 8, new BloomFilter(1_000_000_000L).bytes());
    }

    @Test
    void theWalkSpoolsOnlyOldUnreferencedRegularFilesThatNoGlobExcludes() throws Exception {
        Path root = Files.createDirectories(temp.resolve("uploads"));
        write(root.resolve("docs/a.pdf"));
        write(root.resolve("docs/orphan.pdf"));
        write(root.resolve("tmp/part/upload.part"));
        write(root.resolve("docs/x.log"));
        Files.setLastModifiedTime(write(root.resolve("young.pdf")), FileTime.from(Instant.now().plusSeconds(3600)));
        Path outside = write(temp.resolve("outside/secret.pdf"));
        Files.createSymbolicLink(root.resolve("link.pdf"), outside);
        Files.createSymbolicLink(root.resolve("linked-dir"), outside.getParent());
        Files.createDirectories(root.resolve("empty"));

        StoredReferences references = references(root);
        ReferenceIndex index = new ReferenceIndex(references, 10);
        index.add("./docs//a.pdf ");
        List<String> candidates = new ArrayList<>();
        RootWalk walk;
        try (Spool spool = new Spool(temp.resolve("reports"))) {
            walk = new RootWalk(0, root, root.toRealPath(), Set.of(), List.of("tmp/**", "**/*.log"),
                    System.currentTimeMillis() + 60_000, index, new Throttle(1_000_000, () -> false), spool,
                    () -> false);
            walk.walk();
            spool.read(0, candidate -> candidates.add(candidate.relative()));
        }
        assertEquals(List.of("docs/orphan.pdf"), candidates);
        assertEquals(1, walk.referenced);
        assertEquals(1, walk.young);
        assertEquals(1, walk.excluded);
        assertEquals(1, walk.excludedFolders);
        assertEquals(2, walk.notRegular, "the two links");
        assertEquals(3, walk.files);
    }

    @Test
    void aRowSpellingTheFileThroughAnotherLinkToTheRootReferencesIt() throws Exception {
        Path real = Files.createDirectories(temp.resolve("real"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), real);
        Path other = Files.createSymbolicLink(temp.resolve("other"), real);
        write(real.resolve("a.pdf"));
        ReferenceIndex index = new ReferenceIndex(references(link), 10);
        index.add(other + "/a.pdf");
        assertTrue(index.mayBeReferenced(link.resolve("a.pdf"), real.toRealPath().resolve("a.pdf")));
        assertFalse(index.mayBeReferenced(link.resolve("b.pdf"), real.toRealPath().resolve("b.pdf")));
    }

    @Test
    void oneSweepAtATimeHoldsALockNextToTheRootNeverInsideOne() throws Exception {
        Path outer = Files.createDirectories(temp.resolve("outer")).toRealPath();
        Path inner = Files.createDirectories(outer.resolve("inner"));
        assertEquals(temp.toRealPath().resolve(".filecleanup-sweep-inner.lock"),
                SweepLock.file(inner, List.of(outer, inner)));
        try (SweepLock lock = SweepLock.take(List.of(outer, inner))) {
            IOException taken = assertThrows(IOException.class, () -> SweepLock.take(List.of(outer)));
            assertTrue(taken.getMessage().startsWith("another sweep holds " + SweepLock.file(outer, List.of(outer))
                    + " (pid " + ProcessHandle.current().pid()), taken.getMessage());
        }
        SweepLock.take(List.of(outer)).close();
    }

    @Test
    void aReportExistsOnlyOnceCompleteAndQuotesWhatCsvMust() throws Exception {
        Path reports = temp.resolve("reports");
        SweepReport report = new SweepReport(reports, Instant.parse("2026-01-02T03:04:05Z"));
        report.add(Path.of("/srv/a,\"b\".pdf"), 12, 0);
        assertFalse(Files.exists(report.file()));
        report.complete();
        report.close();
        assertEquals(List.of("path,size,modified", "\"/srv/a,\"\"b\"\".pdf\",12,1970-01-01T00:00:00Z"),
                Files.readAllLines(report.file()));
        assertEquals("sweep-20260102T030405.000Z.csv", report.file().getFileName().toString());
    }

    private static StoredReferences references(Path root) {
        return new DeletionQueue(List.of(root), false, 1, Duration.ofMillis(1), new Counters(), Journal.NONE, 10,
                Duration.ofHours(1), Duration.ofHours(1)).references();
    }

    private static Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "contents of " + file.getFileName());
    }
}
