package com.example.uploads;

import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiConsumer;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;

/**
 * Rows the database deletes by itself ({@code ON DELETE CASCADE}, declared with {@code @OnDelete}): Hibernate
 * deletes a {@link Project}, and the database its drafts, its sheets and their revisions, files and all.
 */
final class CascadeScenarios {
    static final Map<String, BiConsumer<Uploads, String[]>> SCENARIOS = Map.of("database-cascade",
            (app, args) -> cascade(app));

    private CascadeScenarios() {
    }

    /**
     * A project removed once loaded and once as a reference, deleted by a StatelessSession and by a bulk delete,
     * and one whose removal is rolled back; another project keeps its files.
     */
    static void cascade(Uploads app) {
        Project removed = project(app, "removed");
        app.run(em -> em.remove(em.find(Project.class, removed.id)));
        Project reference = project(app, "reference");
        app.run(em -> em.remove(em.getReference(Project.class, reference.id)));

        Project stateless = project(app, "stateless");
        try (StatelessSession session = app.emf.unwrap(SessionFactory.class).openStatelessSession()) {
            Transaction transaction = session.beginTransaction();
            // StatelessSession.get takes a Serializable id on 5.6: a copy found by an EntityManager stands in.
            session.delete(app.inTransaction(em -> em.find(Project.class, stateless.id)));
            transaction.commit();
        }

        project(app, "bulk");
        app.run(em -> em.createQuery("delete from Project p where p.name = :name").setParameter("name", "bulk")
                .executeUpdate());

        Project rolledBack = project(app, "rolled-back");
        EntityManager em = app.emf.createEntityManager();
        em.getTransaction().begin();
        em.remove(em.find(Project.class, rolledBack.id));
        em.flush();
        em.getTransaction().rollback();
        em.close();

        project(app, "kept");
    }

    /** A project with a draft, and a sheet with a revision, each with a file under {@code cascade/<name>/}. */
    private static Project project(Uploads app, String name) {
        return app.inTransaction(em -> {
            Project project = new Project(name);
            em.persist(project);
            em.persist(new Draft(project, Path.of(app.store("cascade/" + name + "/draft.txt"))));
            Sheet sheet = new Sheet(project, Path.of(app.store("cascade/" + name + "/sheet.csv")));
            em.persist(sheet);
            em.persist(new Revision(sheet, Path.of(app.store("cascade/" + name + "/revision.csv"))));
            return project;
        });
    }
}
