package com.example.uploads;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * The workload of CrashIT: transactions that create rows with new files, replace and clear paths, remove rows,
 * and roll back at random, until the JVM halts at a chosen point of one commit, or at a random moment. Each
 * transaction also records the paths it stores in {@code crash_history}, a table no entity maps: the oracle
 * learns from it every path that committed data ever named, whatever the crash left of the rest.
 */
final class CrashScenarios {
    static final Map<String, BiConsumer<Uploads, String[]>> SCENARIOS = Map.of(
            "crash-run", (app, args) -> run(Path.of(args[1]), Long.parseLong(args[2]), args[3],
                    Boolean.parseBoolean(args[4]), Integer.parseInt(args[5]), args.length > 6 ? args[6] : "crash"),
            "crash-settle", (app, args) -> open(Path.of(args[1]), false, null).close());

    private CrashScenarios() {
    }

    /** The scenario builds its own persistence unit, over a DataSource that can halt inside a commit. */
    static boolean ownsPersistenceUnit(String scenario) {
        return SCENARIOS.containsKey(scenario);
    }

    static void halt(String where) {
        System.out.println("halting " + where);
        System.out.flush();
        Runtime.getRuntime().halt(137);
    }

    private static Uploads open(Path root, boolean fresh, HaltingDataSource[] dataSource) {
        HaltingDataSource source = new HaltingDataSource(System.getProperty("app.jdbc.url"),
                System.getProperty("app.jdbc.user", ""), System.getProperty("app.jdbc.password", ""));
        if (dataSource != null) {
            dataSource[0] = source;
        }
        Map<String, Object> settings = new HashMap<>();
        settings.put("jakarta.persistence.nonJtaDataSource", source);
        settings.put("jakarta.persistence.schema-generation.database.action", fresh ? "drop-and-create" : "none");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("uploads", settings);
        return new Uploads(root, emf);
    }

    /** {@code title}: the rows this run works on, its own when several JVMs run at once. */
    private static void run(Path root, long seed, String point, boolean fresh, int transactions, String title) {
        HaltingDataSource[] source = new HaltingDataSource[1];
        Uploads app = open(root, fresh, source);
        if (fresh) {
            app.run(em -> {
                em.createNativeQuery("drop table if exists crash_history").executeUpdate();
                em.createNativeQuery("create table crash_history (path varchar(1000))").executeUpdate();
            });
        }
        Random random = new Random(seed);
        int haltAt = random.nextInt(transactions);
        if ("random".equals(point)) {
            long delay = 100 + random.nextInt(400);
            Thread timer = new Thread(() -> {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    return;
                }
                halt("at a random moment, " + delay + " ms into the workload");
            });
            timer.setDaemon(true);
            timer.start();
        }
        List<Long> rows = new ArrayList<>(app.inTransaction(em -> em.createQuery(
                "select d.id from Document d where d.title = :title order by d.id", Long.class)
                .setParameter("title", title).getResultList()));
        for (int i = 0; i < transactions; i++) {
            List<Long> before = new ArrayList<>(rows);
            EntityManager em = app.emf.createEntityManager();
            try {
                em.getTransaction().begin();
                change(app, em, random, rows, "crash/s" + seed + "-" + i, title);
                boolean halting = i == haltAt;
                if (halting && "flushed".equals(point)) {
                    em.flush();
                    halt("after the flush, before the commit");
                }
                if (!halting && random.nextInt(8) == 0) {
                    em.getTransaction().rollback();
                    rows.clear();
                    rows.addAll(before);
                    continue;
                }
                if (halting && "before-database-commit".equals(point)) {
                    source[0].arm(HaltingDataSource.Point.BEFORE_DATABASE_COMMIT);
                } else if (halting && "after-database-commit".equals(point)) {
                    source[0].arm(HaltingDataSource.Point.AFTER_DATABASE_COMMIT);
                }
                em.getTransaction().commit();
                if (halting && "after-commit".equals(point)) {
                    halt("after the commit returned");
                }
                System.out.println("transaction " + i + " done");
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                em.close();
            }
        }
        app.close();
    }

    /** One random change; the paths it stores go to the history in the same transaction. */
    private static void change(Uploads app, EntityManager em, Random random, List<Long> rows, String prefix,
                               String title) {
        List<String> stored = new ArrayList<>();
        int operation = random.nextInt(100);
        if (operation < 35 || rows.size() < 3) {
            for (int k = 0; k < 1 + random.nextInt(3); k++) {
                Document document = new Document(title, app.store(prefix + "-" + k + ".txt"));
                em.persist(document);
                em.flush();
                rows.add(document.id);
                stored.add(document.filePath);
            }
        } else if (operation < 60) {
            Document document = em.find(Document.class, rows.get(random.nextInt(rows.size())));
            document.filePath = app.store(prefix + "-replacement.txt");
            stored.add(document.filePath);
        } else if (operation < 85) {
            for (int k = 0; k < 1 + random.nextInt(2) && !rows.isEmpty(); k++) {
                Long id = rows.remove(random.nextInt(rows.size()));
                em.remove(em.find(Document.class, id));
            }
        } else {
            em.find(Document.class, rows.get(random.nextInt(rows.size()))).filePath = null;
        }
        for (String path : stored) {
            em.createNativeQuery("insert into crash_history (path) values (?1)").setParameter(1, path)
                    .executeUpdate();
        }
    }
}
