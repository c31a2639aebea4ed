package com.example.uploads;

import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;

/**
 * Uploads whose transaction rolls back: the files their inserts and updates wrote are orphans from the start.
 * Each scenario then waits the time given as third argument, so that the agent's rollback cleanup
 * ({@code filecleanup.rollbackCleanup}) can come due before the JVM exits.
 */
final class RollbackScenarios {
    static final Map<String, BiConsumer<Uploads, String[]>> SCENARIOS = Map.of(
            "rollback-uploads", (app, args) -> uploads(app, Long.parseLong(args[2])),
            "rollback-retries", (app, args) -> retries(app, Long.parseLong(args[2])));

    private RollbackScenarios() {
    }

    /**
     * Rolls back an insert, an insert of files inside an embeddable, an update, and a StatelessSession update;
     * commits an insert and a removal (the control: the agent works whatever the setting).
     */
    static void uploads(Uploads app, long wait) {
        app.persist(new Document("committed", app.store("rollback/committed.txt")));
        Document updated = app.persist(new Document("updated", app.store("rollback/old.txt")));
        app.store("rollback/new.txt");
        // On disk long before the transaction, which only assigns it: not its upload.
        String existing = app.store("rollback/default.png");
        try {
            java.nio.file.Files.setLastModifiedTime(app.root.resolve(existing), java.nio.file.attribute.FileTime
                    .fromMillis(System.currentTimeMillis() - 2 * 3_600_000L));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        rollback(app, em -> {
            em.persist(new Document("default", existing));
            em.persist(new Document("inserted", app.store("rollback/inserted.txt")));
            em.persist(new Dossier("dossier", new Dossier.Scan(app.store("rollback/scan.pdf"), "scan",
                    new Dossier.Preview(Path.of(app.store("rollback/preview.png"))))));
            em.find(Document.class, updated.id).filePath = "rollback/new.txt";
            em.flush();
        });
        Document stateless = app.persist(new Document("stateless", app.store("rollback/stateless-old.txt")));
        try (StatelessSession session = app.emf.unwrap(SessionFactory.class).openStatelessSession()) {
            Transaction transaction = session.beginTransaction();
            stateless.filePath = app.store("rollback/stateless-new.txt");
            session.update(stateless);
            transaction.rollback();
        }
        Document control = app.persist(new Document("control", app.store("rollback/control-removed.txt")));
        app.run(em -> em.remove(em.find(Document.class, control.id)));
        waitFor(wait);
    }

    /**
     * Retries of rolled-back inserts that reuse their file: one committed at once, one still in progress when the
     * check comes due, which spells the path otherwise; and one rolled-back insert that nothing retries.
     */
    static void retries(Uploads app, long wait) {
        rollback(app, em -> {
            em.persist(new Document("first try", app.store("retry/committed.txt")));
            em.persist(new Document("first try", app.store("retry/in-progress.txt")));
            em.persist(new Document("given up", app.store("retry/given-up.txt")));
            em.flush();
        });
        app.persist(new Document("retry", "retry/committed.txt"));
        EntityManager em = app.emf.createEntityManager();
        em.getTransaction().begin();
        em.persist(new Document("slow retry", "./retry//in-progress.txt"));
        em.flush();
        waitFor(wait);
        em.getTransaction().commit();
        em.close();
        System.out.println("slow retry committed");
    }

    private static void rollback(Uploads app, Consumer<EntityManager> work) {
        EntityManager em = app.emf.createEntityManager();
        em.getTransaction().begin();
        work.accept(em);
        em.getTransaction().rollback();
        em.close();
    }

    private static void waitFor(long millis) {
        System.out.println("rolled back; waiting " + millis + " ms");
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
