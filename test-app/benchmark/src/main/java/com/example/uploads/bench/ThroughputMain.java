package com.example.uploads.bench;

import com.example.uploads.Document;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The agent's background throughput, for {@link Perf}'s fourth goal; run with the agent attached. In one JVM:
 * <ol>
 *   <li>the raw unlink rate of the disk: {@code perf.files} files created under {@code perf.raw}, in the same
 *   layout as below, then deleted with {@link Files#delete} in a loop, timed;</li>
 *   <li>{@code perf.files} files under the uploads root ({@code perf.root}), one folder per deleting commit, a
 *   {@code Document} row naming each, and {@code perf.kept} more rows and files that stay;</li>
 *   <li>the rows deleted in {@code perf.commits} transactions, a folder's rows each, by a bulk
 *   {@code delete ... where id between} ({@code perf.deleteMode=bulk}, the default) or by removing each loaded
 *   entity ({@code remove}); the clock starts before the first of them and stops when the last folder is seen
 *   empty. The folders are polled in commit order, every millisecond, once the last commit is done.</li>
 * </ol>
 * Prints {@code PERF raw ...} and {@code PERF throughput ...}, or {@code PERF failed ...} and exits with 2 when
 * the files are not all gone {@code perf.timeoutSeconds} after the last commit, or a kept file is gone.
 * The database is {@code perf.url} ({@code perf.user}, {@code perf.password}), H2 in memory by default.
 */
public final class ThroughputMain {
    private ThroughputMain() {
    }

    public static void main(String[] args) throws Exception {
        int files = Integer.getInteger("perf.files", 50_000);
        int commits = Math.min(files, Integer.getInteger("perf.commits", 100));
        int kept = Integer.getInteger("perf.kept", 10);
        long timeoutNanos = Long.getLong("perf.timeoutSeconds", 300) * 1_000_000_000L;
        boolean bulk = !"remove".equals(System.getProperty("perf.deleteMode", "bulk"));
        Path root = Path.of(System.getProperty("perf.root"));
        Path raw = Path.of(System.getProperty("perf.raw"));

        List<List<Path>> rawFiles = createFiles(raw, files, commits);
        long start = System.nanoTime();
        for (List<Path> folder : rawFiles) {
            for (Path file : folder) {
                Files.delete(file);
            }
        }
        long rawNanos = System.nanoTime() - start;
        System.out.println("PERF raw files=" + files + " millis=" + rawNanos / 1e6);

        EntityManagerFactory emf = Persistence.createEntityManagerFactory("uploads", settings());
        List<List<Path>> released = createFiles(root, files, commits);
        List<Path> keptFiles = createFiles(root.resolve("kept"), kept, 1).get(0);
        long[][] idRanges = new long[commits][];
        inTransaction(emf, em -> {
            int rows = 0;
            for (int c = 0; c < commits; c++) {
                long low = Long.MAX_VALUE;
                long high = Long.MIN_VALUE;
                for (Path file : released.get(c)) {
                    Document document = new Document("perf", root.relativize(file).toString());
                    em.persist(document);
                    low = Math.min(low, document.id);
                    high = Math.max(high, document.id);
                    if (++rows % 1_000 == 0) {
                        em.flush();
                        em.clear();
                    }
                }
                idRanges[c] = new long[] {low, high, released.get(c).size()};
            }
            for (Path file : keptFiles) {
                em.persist(new Document("kept", root.relativize(file).toString()));
            }
        });

        start = System.nanoTime();
        for (long[] range : idRanges) {
            inTransaction(emf, em -> {
                int deleted;
                if (bulk) {
                    deleted = em.createQuery("delete from Document d where d.id between :low and :high")
                            .setParameter("low", range[0]).setParameter("high", range[1]).executeUpdate();
                } else {
                    List<Document> documents = em.createQuery(
                                    "select d from Document d where d.id between :low and :high", Document.class)
                            .setParameter("low", range[0]).setParameter("high", range[1]).getResultList();
                    documents.forEach(em::remove);
                    deleted = documents.size();
                }
                if (deleted != range[2]) {
                    fail("a commit deleted " + deleted + " rows instead of " + range[2]);
                }
            });
        }
        long commitNanos = System.nanoTime() - start;
        Deque<Path> folders = new ArrayDeque<>();
        released.forEach(folder -> folders.add(folder.get(0).getParent()));
        long deadline = System.nanoTime() + timeoutNanos;
        while (!folders.isEmpty()) {
            if (empty(folders.peekFirst())) {
                folders.removeFirst();
                continue;
            }
            if (System.nanoTime() - deadline > 0) {
                long left = 0;
                for (Path folder : folders) {
                    try (Stream<Path> list = Files.list(folder)) {
                        left += list.count();
                    }
                }
                fail(left + " of " + files + " released files still on disk " + timeoutNanos / 1_000_000_000L
                        + " s after the last commit (is the agent attached? see its log)");
            }
            Thread.sleep(1);
        }
        long drainNanos = System.nanoTime() - start;
        for (Path file : keptFiles) {
            if (!Files.exists(file)) {
                fail(file + " is gone, yet a committed row names it");
            }
        }
        System.out.println("PERF throughput files=" + files + " commits=" + commits + " commitMillis="
                + commitNanos / 1e6 + " drainMillis=" + drainNanos / 1e6);
        emf.close();
        System.exit(0);
    }

    /** {@code count} files of a few bytes in {@code folders} folders below {@code base}, by folder. */
    static List<List<Path>> createFiles(Path base, int count, int folders) throws IOException {
        return createFiles(base, count, folders, false);
    }

    /** As above; with {@code keep}, a file already there is left as it is. */
    static List<List<Path>> createFiles(Path base, int count, int folders, boolean keep) throws IOException {
        List<List<Path>> created = new ArrayList<>();
        for (int f = 0; f < folders; f++) {
            Path folder = Files.createDirectories(base.resolve(String.format("%04d", f)));
            List<Path> inFolder = new ArrayList<>();
            for (int i = f; i < count; i += folders) {
                Path file = folder.resolve(String.format("f-%07d.bin", i));
                if (!keep || !Files.exists(file)) {
                    Files.writeString(file, "contents of file " + i);
                }
                inFolder.add(file);
            }
            created.add(inFolder);
        }
        return created;
    }

    /** The persistence unit's settings, with {@code perf.url}, {@code perf.user} and {@code perf.password}. */
    static Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("jakarta.persistence.jdbc.url", System.getProperty("perf.url",
                "jdbc:h2:mem:perf;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"));
        settings.put("jakarta.persistence.jdbc.user", System.getProperty("perf.user", "sa"));
        settings.put("jakarta.persistence.jdbc.password", System.getProperty("perf.password", ""));
        settings.put("hibernate.jdbc.batch_size", "100");
        settings.put("hibernate.order_inserts", "true");
        return settings;
    }

    static void inTransaction(EntityManagerFactory emf, Consumer<EntityManager> work) {
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        work.accept(em);
        em.getTransaction().commit();
        em.close();
    }

    private static boolean empty(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return !entries.iterator().hasNext();
        }
    }

    /** Says why on standard output, for the driver, and halts without waiting for exit hooks. */
    static void fail(String why) {
        System.out.println("PERF failed " + why);
        System.out.flush();
        Runtime.getRuntime().halt(2);
    }
}
