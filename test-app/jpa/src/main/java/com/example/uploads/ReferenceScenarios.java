package com.example.uploads;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Scenarios of the reference check: a committed row that names the same file keeps it, whatever the spelling,
 * the column, the persistence unit or the tenant; one that names another file does not. Each ends with a
 * control, a removal whose file must go, which shows that the agent was at work.
 */
final class ReferenceScenarios {
    static final Map<String, BiConsumer<Uploads, String[]>> SCENARIOS = Map.ofEntries(
            Map.entry("spellings", (app, args) -> spellings(app)),
            Map.entry("aliases", (app, args) -> aliases(app, List.of(args).subList(2, args.length))),
            Map.entry("columns", (app, args) -> columns(app)),
            Map.entry("nested-roots", (app, args) -> nestedRoots(app)),
            Map.entry("case", (app, args) -> letterCase(app)),
            Map.entry("read-uncommitted", (app, args) -> readUncommitted(app)),
            Map.entry("interrupt", (app, args) -> interrupt(app)),
            Map.entry("missing-proxy", (app, args) -> missingProxy(app)),
            Map.entry("small-pool", (app, args) -> smallPool(app)),
            Map.entry("close-unrelated", (app, args) -> closeUnrelated(app)));

    private ReferenceScenarios() {
    }

    /** Rows that spell a file differently keep it; so does a row updated from one spelling to another. */
    static void spellings(Uploads app) {
        String root = app.root.toString();
        List<String> others = List.of("./spell/%d/a.pdf", "spell//%d/a.pdf", "spell/%d/../%d/a.pdf",
                "spell/%d/a.pdf/", root + "//spell/%d/a.pdf", root + "/./spell/%d/a.pdf");
        for (int i = 0; i < others.size(); i++) {
            Document removed = app.persist(new Document("canonical", app.store("spell/" + i + "/a.pdf")));
            app.persist(new Document("another spelling", others.get(i).replace("%d", String.valueOf(i))));
            app.run(em -> em.remove(em.find(Document.class, removed.id)));
        }
        // A name with a character outside the BMP: PostgreSQL and MariaDB count it as one character, Java as two.
        Document wide = app.persist(new Document("wide", app.store("spell/wide/\uD83D\uDCC4 a.pdf")));
        app.persist(new Document("wide, another spelling", "./spell/wide/\uD83D\uDCC4 a.pdf"));
        app.run(em -> em.remove(em.find(Document.class, wide.id)));

        Document respelled = app.persist(new Document("respelled", app.store("spell/updated/a.pdf")));
        app.run(em -> em.find(Document.class, respelled.id).filePath = "./spell/updated/a.pdf");

        Contract contract = app.persist(new Contract(Path.of("spell/path/../path/a.pdf")));
        Document sharesWithThePath = app.persist(new Document("path", app.store("spell/path/a.pdf")));
        app.run(em -> em.remove(em.find(Document.class, sharesWithThePath.id)));
        control(app, "spell/control.pdf");
        System.out.println("contract holds " + contract.scan);
    }

    /** The root is reached through a symbolic link: rows that store the file through another alias keep it. */
    static void aliases(Uploads app, List<String> aliases) {
        for (int i = 0; i < aliases.size(); i++) {
            Document removed = app.persist(new Document("relative", app.store("alias/" + i + ".pdf")));
            app.persist(new Document("through " + aliases.get(i), aliases.get(i) + "/alias/" + i + ".pdf"));
            app.run(em -> em.remove(em.find(Document.class, removed.id)));
        }
        control(app, "alias/control.pdf");
    }

    /**
     * Every column that can hold a path keeps its files: an embeddable, element collections, an excluded
     * attribute, a TABLE_PER_CLASS subclass table, a large object, converted columns, and a closed unit.
     * A read-only {@code @Subselect} entity is there too, and must not stop the check.
     */
    static void columns(Uploads app) {
        Article article = new Article();
        article.cover = new Article.Cover(app.store("col/embedded.pdf"));
        article.gallery.add(app.store("col/collection.pdf"));
        article.figures.add(new Article.Figure(app.store("col/figure.pdf")));
        article.creditsFile = app.store("col/secondary.pdf");
        app.persist(article);
        Document excluded = new Document("archived", null);
        excluded.archivePath = app.store("col/excluded.pdf");
        app.persist(excluded);
        app.persist(new Picture(app.store("col/union.pdf")));
        app.persist(new Transcript(app.store("col/lob.pdf")));
        Vault vault = new Vault();
        vault.secret = app.store("col/salted.pdf");
        vault.reversed = app.store("col/reversed.pdf");
        vault.strict = app.store("col/strict.pdf");
        app.persist(vault);
        EntityManagerFactory archive = Persistence.createEntityManagerFactory("archive");
        EntityManager em = archive.createEntityManager();
        em.getTransaction().begin();
        em.persist(new ArchivedFile(app.store("col/closed-unit.pdf")));
        em.getTransaction().commit();
        em.close();
        archive.close();

        for (String file : List.of("embedded", "collection", "figure", "secondary", "excluded", "union", "lob",
                "salted", "reversed", "strict", "closed-unit")) {
            Document document = app.persist(new Document("shares " + file, "col/" + file + ".pdf"));
            app.run(manager -> manager.remove(manager.find(Document.class, document.id)));
        }
        // A spelling that the strict converter refuses: it must not stop the check of other columns.
        Document climbing = app.persist(new Document("climbs", "col/../col/climbing.pdf"));
        app.store("col/climbing.pdf");
        app.run(manager -> manager.remove(manager.find(Document.class, climbing.id)));
        control(app, "col/control.pdf");
    }

    /** Relative values resolve against the first root only: "a.pdf" is not the inner root's a.pdf. */
    static void nestedRoots(Uploads app) {
        Document inner = app.persist(new Document("inner", app.store("inner/a.pdf")));
        app.persist(new Document("outer", app.store("a.pdf")));
        app.run(em -> em.remove(em.find(Document.class, inner.id)));
    }

    /** On Linux, docs/A.pdf is another file than docs/a.pdf, even where the database compares without case. */
    static void letterCase(Uploads app) {
        Document lower = app.persist(new Document("lower", app.store("case/a.pdf")));
        app.persist(new Document("upper", app.store("case/A.pdf")));
        app.run(em -> em.remove(em.find(Document.class, lower.id)));
    }

    /**
     * The pool reads uncommitted data. Another transaction removes a row holding x and has not committed when
     * the check runs; it then rolls back, so x is still referenced and must stay. The check is known to have run
     * once y, released in the same transaction as x and referenced by nobody, is gone.
     */
    static void readUncommitted(Uploads app) {
        Document first = app.persist(new Document("first", app.store("dirty/x.pdf")));
        Document second = app.persist(new Document("second", "dirty/x.pdf"));
        Document marker = app.persist(new Document("marker", app.store("dirty/y.pdf")));
        EntityManager other = app.emf.createEntityManager();
        other.getTransaction().begin();
        other.remove(other.find(Document.class, second.id));
        other.flush();
        app.run(em -> {
            em.remove(em.find(Document.class, first.id));
            em.remove(em.find(Document.class, marker.id));
        });
        System.out.println("checked while the other transaction was open: "
                + awaitGone(app.root.resolve("dirty/y.pdf")));
        other.getTransaction().rollback();
        other.close();
    }

    /** The host interrupts the agent's worker; later removals must still delete their files. */
    static void interrupt(Uploads app) {
        Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith("file-cleanup"))
                .forEach(Thread::interrupt);
        control(app, "interrupt/after.pdf");
        System.out.println("deleted after the interrupt: " + awaitGone(app.root.resolve("interrupt/after.pdf")));
    }

    /**
     * Removing the uninitialized proxy of a row that is already gone: what Hibernate throws must not change
     * because of the agent, and the proxy must not be loaded.
     */
    static void missingProxy(Uploads app) {
        Document existing = app.persist(new Document("there", app.store("missing/there.pdf")));
        app.run(em -> {
            Document reference = em.getReference(Document.class, existing.id);
            em.remove(reference);
            System.out.println("loaded by remove: " + Persistence.getPersistenceUtil().isLoaded(reference));
        });
        Document document = app.persist(new Document("gone", app.store("missing/gone.pdf")));
        app.run(em -> em.createNativeQuery("delete from Document where id = " + document.id).executeUpdate());
        try {
            app.run(em -> {
                Document reference = em.getReference(Document.class, document.id);
                em.remove(reference);
                System.out.println("loaded by remove: " + Persistence.getPersistenceUtil().isLoaded(reference));
            });
            System.out.println("outcome: committed");
        } catch (RuntimeException e) {
            System.out.println("outcome: " + e.getClass().getName());
        }
    }

    /**
     * PostgreSQL only, with a pool of two connections. One is held by a transaction that blocks the reference
     * check; the application then needs the other one. The check must not have taken it.
     */
    static void smallPool(Uploads app) {
        Document document = app.persist(new Document("removed", app.store("pool/removed.pdf")));
        LockHolder lock = LockHolder.take(app, false, 20_000);
        app.run(em -> em.remove(em.find(Document.class, document.id)));
        System.out.println("check waiting: " + lock.awaitCheckWaiting(10_000));
        app.persist(new Tag("needs a connection"));
        System.out.println("the application got its connection");
        lock.release();
    }

    /**
     * PostgreSQL only. A check is blocked; closing the other persistence unit, whose rows can still be read once
     * it is closed, must not wait for it. The lock goes after three seconds at the most, so a close that waited
     * returns only once the check is over.
     */
    static void closeUnrelated(Uploads app) {
        EntityManagerFactory archive = Persistence.createEntityManagerFactory("archive");
        Document document = app.persist(new Document("removed", app.store("close/removed.pdf")));
        LockHolder lock = LockHolder.take(app, false, 3_000);
        app.run(em -> em.remove(em.find(Document.class, document.id)));
        lock.awaitCheckWaiting(3_000);
        archive.close();
        System.out.println("the check still waited when the archive unit had closed: " + lock.checkWaitingNow());
        lock.release();
    }

    private static void control(Uploads app, String file) {
        Document control = app.persist(new Document("control", app.store(file)));
        app.run(em -> em.remove(em.find(Document.class, control.id)));
    }

    private static boolean awaitGone(Path file) {
        return AgentMBean.await(Duration.ofSeconds(10), () -> !Files.exists(file));
    }
}
