package com.example.uploads;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.Root;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * HQL, JPQL and Criteria {@code delete} and {@code update} statements: they bypass entity actions, so only the
 * agent's select of the rows they touch can release their files.
 */
final class BulkScenarios {
    static final Map<String, BiConsumer<Uploads, String[]>> SCENARIOS = Map.of("bulk", (app, args) -> bulk(app));

    private BulkScenarios() {
    }

    /**
     * Deletes with named and positional parameters, a Criteria delete with a literal and one with a subquery;
     * updates that assign a file attribute (with a gap in the positional parameters left for the restriction),
     * one inside an embeddable, and one that assigns none; a delete of an entity with element collections (from
     * 6.x on, Hibernate deletes their rows too), deletes of superclasses whose subclasses add file attributes
     * (SINGLE_TABLE and JOINED), one of an entity without files, and one rolled back.
     */
    static void bulk(Uploads app) {
        documents(app, "named", "bulk/named-1.txt", "bulk/named-2.txt");
        app.run(em -> em.createQuery("delete from Document d where d.title = :title")
                .setParameter("title", "named").executeUpdate());

        documents(app, "positional", "bulk/positional.txt");
        app.run(em -> em.createQuery("delete from Document where title = ?1")
                .setParameter(1, "positional").executeUpdate());

        documents(app, "criteria", "bulk/criteria.txt");
        app.run(em -> {
            CriteriaBuilder builder = em.getCriteriaBuilder();
            CriteriaDelete<Document> delete = builder.createCriteriaDelete(Document.class);
            Root<Document> document = delete.from(Document.class);
            delete.where(builder.equal(document.get("title"), "criteria"));
            em.createQuery(delete).executeUpdate();
        });

        documents(app, "subquery", "bulk/subquery.txt");
        app.persist(new Tag("subquery"));
        app.run(em -> em.createQuery("delete from Document d where d.title in "
                + "(select t.label from Tag t where t.label = :label)").setParameter("label", "subquery").executeUpdate());

        documents(app, "assigned", "bulk/assigned-old.txt");
        app.store("bulk/assigned-new.txt");
        app.run(em -> em.createQuery("update Document d set d.filePath = :path where d.title = :title")
                .setParameter("path", "bulk/assigned-new.txt").setParameter("title", "assigned").executeUpdate());

        documents(app, "ordinal", "bulk/ordinal-old.txt");
        app.store("bulk/ordinal-new.txt");
        app.run(em -> em.createQuery("update Document d set d.filePath = ?1 where d.title = ?2")
                .setParameter(1, "bulk/ordinal-new.txt").setParameter(2, "ordinal").executeUpdate());

        documents(app, "retitled", "bulk/retitled.txt");
        app.run(em -> em.createQuery("update Document d set d.title = 'another title' where d.title = 'retitled'")
                .executeUpdate());

        app.persist(new Dossier("bulk", new Dossier.Scan(app.store("bulk/dossier-old.pdf"), "scan", null)));
        app.store("bulk/dossier-new.pdf");
        app.run(em -> em.createQuery("update Dossier d set d.attachment.path = :path where d.title = 'bulk'")
                .setParameter("path", "bulk/dossier-new.pdf").executeUpdate());

        boolean collectionsGo = !org.hibernate.Version.getVersionString().startsWith("5.");
        System.out.println("bulk delete removes element collections: " + collectionsGo);
        if (collectionsGo) {
            Gallery gallery = new Gallery("bulk");
            gallery.images.add(app.store("bulk/gallery/image.jpg"));
            gallery.scans.add(Path.of(app.store("bulk/gallery/scan.png")));
            gallery.frames.add(new Gallery.Frame(app.store("bulk/gallery/frame.jpg"), "frame"));
            app.persist(gallery);
            app.run(em -> em.createQuery("delete from Gallery g where g.name = 'bulk'").executeUpdate());
        }

        Video video = new Video(app.store("bulk/video.mp4"), 7);
        video.poster = Path.of(app.store("bulk/poster.png"));
        app.persist(video);
        app.persist(new Media());
        app.run(em -> em.createQuery("delete from Media m where m.file = :file or m.file is null")
                .setParameter("file", "bulk/video.mp4").executeUpdate());
        Invoice invoice = new Invoice(app.store("bulk/invoice.pdf"), 10);
        invoice.scan = Path.of(app.store("bulk/invoice-scan.png"));
        app.persist(invoice);
        app.run(em -> em.createQuery("delete from Attachment where path = ?1")
                .setParameter(1, "bulk/invoice.pdf").executeUpdate());

        app.persist(new Tag("bulk"));
        app.run(em -> em.createQuery("delete from Tag t where t.label = 'bulk'").executeUpdate());

        documents(app, "rolled back", "bulk/rolled-back.txt");
        EntityManager em = app.emf.createEntityManager();
        em.getTransaction().begin();
        em.createQuery("delete from Document d where d.title = 'rolled back'").executeUpdate();
        em.getTransaction().rollback();
        em.close();
    }

    private static void documents(Uploads app, String title, String... files) {
        app.run(em -> List.of(files).forEach(file -> em.persist(new Document(title, app.store(file)))));
    }
}
