package com.example.uploads;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A randomized workload for the oracle in StressIT: several threads create rows with new files (some shared
 * by two rows, spelled differently), replace paths, clear them, remove rows, and roll back at random. Each thread works on its own
 * rows, so a file is never copied between transactions (the documented race). The values every committed
 * transaction stored, and those committed rows hold at the end, are written beside the upload folder.
 */
final class Stress {
    private final Uploads app;
    private final Set<String> everCommitted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger rollbacks = new AtomicInteger();

    private Stress(Uploads app) {
        this.app = app;
    }

    static void run(Uploads app, long seed, int threads, int transactionsPerThread) {
        new Stress(app).execute(seed, threads, transactionsPerThread);
    }

    private void execute(long seed, int threads, int transactionsPerThread) {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            pool.submit(() -> worker(thread, new Random(seed * 31 + thread), transactionsPerThread));
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the workload did not finish");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        List<String> referenced = app.inTransaction(em -> em.createQuery(
                "select d.filePath from Document d where d.filePath is not null", String.class).getResultList());
        write("-committed.txt", new ArrayList<>(everCommitted));
        write("-referenced.txt", referenced);
        System.out.printf("stress: %d transactions (%d committed, %d rolled back) in %d ms%n",
                commits.get() + rollbacks.get(), commits.get(), rollbacks.get(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void worker(int thread, Random random, int transactions) {
        List<Long> rows = new ArrayList<>();
        List<Long[]> sharedPairs = new ArrayList<>();
        for (int i = 0; i < transactions; i++) {
            List<Long> rowsBefore = new ArrayList<>(rows);
            List<Long[]> pairsBefore = new ArrayList<>(sharedPairs);
            List<String> stored = new ArrayList<>();
            String prefix = "stress/t" + thread + "-" + i;
            EntityManager em = app.emf.createEntityManager();
            try {
                em.getTransaction().begin();
                int operation = random.nextInt(100);
                if (operation < 30 || rows.isEmpty()) {
                    for (int k = 0; k < 1 + random.nextInt(3); k++) {
                        rows.add(create(em, app.store(prefix + "-" + k + ".txt"), stored));
                    }
                } else if (operation < 40) {
                    // The second row spells the shared file differently: the check compares files, not strings.
                    String shared = app.store(prefix + "-shared.txt");
                    sharedPairs.add(new Long[] {create(em, shared, stored),
                            create(em, respell(shared, random), stored)});
                } else if (operation < 60) {
                    Document document = em.find(Document.class, pick(random, rows));
                    document.filePath = app.store(prefix + "-replacement.txt");
                    stored.add(document.filePath);
                } else if (operation < 75) {
                    Long id = pick(random, rows);
                    em.remove(em.find(Document.class, id));
                    rows.remove(id);
                } else if (operation < 85 && !sharedPairs.isEmpty()) {
                    Long[] pair = sharedPairs.get(random.nextInt(sharedPairs.size()));
                    int side = random.nextInt(2);
                    em.remove(em.find(Document.class, pair[side]));
                    pair[side] = pair[1 - side];
                } else if (operation < 92) {
                    em.find(Document.class, pick(random, rows)).filePath = null;
                } else {
                    // A value that must be refused when it is released: it points outside the upload folder.
                    rows.add(create(em, app.store("../stress-outside/" + prefix.replace('/', '-') + ".txt"), stored));
                }
                if (random.nextBoolean()) {
                    em.flush();
                }
                if (random.nextInt(8) == 0) {
                    em.getTransaction().rollback();
                    rolledBack(rows, rowsBefore, sharedPairs, pairsBefore);
                } else {
                    em.getTransaction().commit();
                    commits.incrementAndGet();
                    everCommitted.addAll(stored);
                }
            } catch (RuntimeException e) {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                rolledBack(rows, rowsBefore, sharedPairs, pairsBefore);
            } finally {
                em.close();
            }
        }
    }

    /** A rolled-back transaction changed nothing: the thread's view of its rows goes back to before it. */
    private void rolledBack(List<Long> rows, List<Long> rowsBefore, List<Long[]> pairs, List<Long[]> pairsBefore) {
        rollbacks.incrementAndGet();
        rows.clear();
        rows.addAll(rowsBefore);
        pairs.clear();
        pairs.addAll(pairsBefore);
    }

    private static Long create(EntityManager em, String path, List<String> stored) {
        Document document = new Document("stress", path);
        em.persist(document);
        em.flush();
        stored.add(path);
        return document.id;
    }

    /** Another spelling of the same file: as stored, with "./", doubled slashes, or absolute. */
    private String respell(String path, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> path;
            case 1 -> "./" + path;
            case 2 -> path.replace("/", "//");
            default -> app.root + "/" + path;
        };
    }

    private static Long pick(Random random, List<Long> rows) {
        return rows.get(random.nextInt(rows.size()));
    }

    private void write(String suffix, List<String> values) {
        try {
            Files.write(app.root.resolveSibling(app.root.getFileName() + suffix), values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
