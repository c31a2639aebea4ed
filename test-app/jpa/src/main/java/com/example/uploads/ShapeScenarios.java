package com.example.uploads;

import java.net.URI;
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
            Map.entry("stateless", (app, args) -> stateless(app)),
            Map.entry("collections", (app, args) -> collections(app)),
            Map.entry("one-to-one", (app, args) -> oneToOne(app)),
            Map.entry("converted", (app, args) -> converted(app)));

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

    /**
     * Elements removed from each kind of collection; a collection replaced without being loaded, and one
     * cleared; owners removed with their collections never loaded, one of them as an uninitialized proxy; and,
     * as a control that must release nothing, an element added.
     */
    static void collections(Uploads app) {
        Gallery bag = app.persist(gallery(app, "bag", List.of("a.jpg", "b.jpg"), List.of(), List.of()));
        app.run(em -> em.find(Gallery.class, bag.id).images.remove("col/bag/a.jpg"));

        Gallery set = app.persist(gallery(app, "set", List.of(), List.of("s1.png", "s2.png"), List.of()));
        app.run(em -> em.find(Gallery.class, set.id).scans.remove(Path.of("col/set/s1.png")));

        Gallery ordered = app.persist(gallery(app, "ordered", List.of(), List.of(), List.of("f1", "f2", "f3")));
        app.run(em -> em.find(Gallery.class, ordered.id).frames.remove(0));

        Gallery replaced = app.persist(gallery(app, "replaced", List.of("old1", "old2"), List.of(), List.of()));
        app.run(em -> em.find(Gallery.class, replaced.id).images =
                new java.util.ArrayList<>(List.of(app.store("col/replaced/new"))));

        Gallery cleared = app.persist(gallery(app, "cleared", List.of(), List.of("c1"), List.of()));
        app.run(em -> em.find(Gallery.class, cleared.id).scans.clear());

        Gallery removed = app.persist(gallery(app, "removed", List.of("i"), List.of("s"), List.of("f")));
        app.run(em -> em.remove(em.find(Gallery.class, removed.id)));

        Gallery proxy = app.persist(gallery(app, "proxy", List.of("i"), List.of(), List.of()));
        app.run(em -> em.remove(em.getReference(Gallery.class, proxy.id)));

        Gallery added = app.persist(gallery(app, "added", List.of("x"), List.of(), List.of()));
        app.run(em -> em.find(Gallery.class, added.id).images.add(app.store("col/added/y")));
    }

    /** A gallery whose files are stored under {@code col/<name>/}. */
    private static Gallery gallery(Uploads app, String name, List<String> images, List<String> scans,
                                   List<String> frames) {
        Gallery gallery = new Gallery(name);
        images.forEach(image -> gallery.images.add(app.store("col/" + name + "/" + image)));
        scans.forEach(scan -> gallery.scans.add(Path.of(app.store("col/" + name + "/" + scan))));
        frames.forEach(frame -> gallery.frames.add(new Gallery.Frame(app.store("col/" + name + "/" + frame), frame)));
        return gallery;
    }

    /** A one-to-one child with orphan removal, replaced, set to null, and removed with its owner. */
    static void oneToOne(Uploads app) {
        Passport replaced = app.persist(new Passport("replaced", new Portrait(app.store("one/replaced-old.jpg"))));
        app.run(em -> em.find(Passport.class, replaced.id).portrait =
                new Portrait(app.store("one/replaced-new.jpg")));

        Passport nulled = app.persist(new Passport("nulled", new Portrait(app.store("one/nulled.jpg"))));
        app.run(em -> em.find(Passport.class, nulled.id).portrait = null);

        Passport removed = app.persist(new Passport("removed", new Portrait(app.store("one/removed.jpg"))));
        app.run(em -> em.remove(em.find(Passport.class, removed.id)));

        Passport renamed = app.persist(new Passport("renamed", new Portrait(app.store("one/renamed.jpg"))));
        app.run(em -> em.find(Passport.class, renamed.id).holder = "another holder");
    }

    /**
     * Converted {@code URI} and {@code File} attributes and a {@code file:} URI in a String, removed and replaced;
     * a URI of another scheme, which names no file; and two files still named by other rows, one through an
     * escaped URI ({@code shared%20one.pdf}) and one through a plain path.
     */
    static void converted(Uploads app) {
        Link removed = app.persist(new Link(uri(app, "uri/a b.pdf"), null, null));
        app.run(em -> em.remove(em.find(Link.class, removed.id)));

        Link toWeb = app.persist(new Link(uri(app, "uri/to-web.pdf"), null, null));
        app.run(em -> em.find(Link.class, toWeb.id).source = URI.create("https://example.com/to-web.pdf"));
        Link fromWeb = app.persist(new Link(URI.create("https://example.com/from-web.pdf"), null, null));
        app.run(em -> em.find(Link.class, fromWeb.id).source = uri(app, "uri/from-web.pdf"));

        Link located = app.persist(new Link(null, null, uri(app, "uri/location.pdf").toString()));
        app.run(em -> em.find(Link.class, located.id).location = null);

        Link copied = app.persist(new Link(null, new java.io.File(app.store("uri/copy.pdf")), null));
        app.run(em -> em.remove(em.find(Link.class, copied.id)));

        Link shared = app.persist(new Link(uri(app, "uri/shared one.pdf"), null, null));
        app.persist(new Link(null, null, app.root.resolve("uri/shared one.pdf").toUri().toString()));
        app.run(em -> em.remove(em.find(Link.class, shared.id)));

        Link sharedPath = app.persist(new Link(uri(app, "uri/shared2.pdf"), null, null));
        app.persist(new Document("same file, plain path", "uri/shared2.pdf"));
        app.run(em -> em.remove(em.find(Link.class, sharedPath.id)));
    }

    /** Stores {@code name} and returns its {@code file:} URI. */
    private static URI uri(Uploads app, String name) {
        return app.root.resolve(app.store(name)).toUri();
    }

    /** A dossier whose scan is {@code emb/<name>.pdf} with the preview {@code emb/<name>.png}. */
    private static Dossier dossier(Uploads app, String name) {
        return new Dossier(name, new Dossier.Scan(app.store("emb/" + name + ".pdf"), name,
                new Dossier.Preview(Path.of(app.store("emb/" + name + ".png")))));
    }
}
