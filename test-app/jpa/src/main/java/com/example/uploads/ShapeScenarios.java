package com.example.uploads;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;

/**
 * Scenarios of the value shapes and statements that release files besides a top-level attribute of an entity
 * action: embeddables, element collections, StatelessSession and bulk statements.
 */
final class ShapeScenarios {
    static final Map<String, BiConsumer<Uploads, String[]>> SCENARIOS = Map.ofEntries(
            Map.entry("embedded", (app, args) -> embedded(app)),
            Map.entry("stateless", (app, args) -> stateless(app)));

    private ShapeScenarios() {
    }

    /**
     * An attribute inside an embeddable changed; the embeddable replaced, set to null; its owner removed; and,
     * as a control that must release nothing, only the embeddable's caption changed.
     */
    static void embedded(Uploads app) {
        Dossier changed = app.persist(dossier(app, "changed"));
        app.store("emb/changed-new.pdf");
        app.run(em -> em.find(Dossier.class, changed.id).attachment.path = "emb/changed-new.pdf");

        Dossier replaced = app.persist(dossier(app, "replaced"));
        app.run(em -> em.find(Dossier.class, replaced.id).attachment = new Dossier.Scan(
                app.store("emb/replaced-new.pdf"), "new", new Dossier.Preview(Path.of(app.store("emb/replaced-new.png")))));

        Dossier nulled = app.persist(dossier(app, "nulled"));
        app.run(em -> em.find(Dossier.class, nulled.id).attachment = null);

        Dossier removed = app.persist(dossier(app, "removed"));
        app.run(em -> em.remove(em.find(Dossier.class, removed.id)));

        Dossier captioned = app.persist(dossier(app, "captioned"));
        app.run(em -> em.find(Dossier.class, captioned.id).attachment.caption = "another caption");
    }

    /**
     * A StatelessSession deletes a loaded entity and a bare instance holding only its id, updates a file
     * attribute and, as a control, only a title; where the line has them, upserts and 7.x's
     * {@code deleteMultiple}. A rolled-back delete must release nothing.
     */
    static void stateless(Uploads app) {
        Document loaded = app.persist(new Document("loaded", app.store("stateless/loaded.txt")));
        Document bare = new Document();
        bare.id = app.persist(new Document("bare", app.store("stateless/bare.txt"))).id;
        Document replaced = app.persist(new Document("replaced", app.store("stateless/replaced-old.txt")));
        Document retitled = app.persist(new Document("retitled", app.store("stateless/retitled.txt")));
        Document upserted = app.persist(new Document("upserted", app.store("stateless/upserted-old.txt")));
        Document multiple = app.persist(new Document("multiple", app.store("stateless/multiple.txt")));
        Document rolledBack = app.persist(new Document("rolled back", app.store("stateless/rolled-back.txt")));
        SessionFactory factory = app.emf.unwrap(SessionFactory.class);
        try (StatelessSession session = factory.openStatelessSession()) {
            Transaction transaction = session.beginTransaction();
            // StatelessSession.get takes a Serializable id on 5.6: a copy found by an EntityManager stands in.
            session.delete(app.inTransaction(em -> em.find(Document.class, loaded.id)));
            session.delete(bare);
            replaced.filePath = app.store("stateless/replaced-new.txt");
            session.update(replaced);
            retitled.title = "another title";
            session.update(retitled);
            upserted.filePath = app.store("stateless/upserted-new.txt");
            System.out.println("upsert: " + call(session, "upsert", upserted));
            System.out.println("deleteMultiple: " + call(session, "deleteMultiple", List.of(multiple)));
            transaction.commit();

            transaction = session.beginTransaction();
            session.delete(rolledBack);
            transaction.rollback();
        }
    }

    /** Calls a StatelessSession method that only some lines have; tells whether it was there. */
    private static boolean call(StatelessSession session, String method, Object argument) {
        try {
            StatelessSession.class.getMethod(method, argument instanceof List ? List.class : Object.class)
                    .invoke(session, argument);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A dossier whose scan is {@code emb/<name>.pdf} with the preview {@code emb/<name>.png}. */
    private static Dossier dossier(Uploads app, String name) {
        return new Dossier(name, new Dossier.Scan(app.store("emb/" + name + ".pdf"), name,
                new Dossier.Preview(Path.of(app.store("emb/" + name + ".png")))));
    }
}
