package com.example.uploads.bench;

import com.example.uploads.Document;
import com.example.uploads.Gallery;
import com.example.uploads.Project;
import com.example.uploads.Revision;
import com.example.uploads.Sheet;
import com.example.uploads.Tag;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Counts the JDBC statements and times one bulk delete or update of {@code rows} rows (argument, default
 * 10,000), on H2 in memory: run without and with the agent, the difference is what the agent adds. Documents
 * have a file attribute, galleries one image each in an element collection, tags no file at all; one update
 * assigns no file attribute. Each project has a sheet with a revision, which the database deletes by cascade.
 * Counted are the JDBC statements prepared on the application's thread.
 */
public final class BulkStatementCount {

    private BulkStatementCount() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        CountingDataSource counting = CountingDataSource.on(
                "jdbc:h2:mem:bulk;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE", Thread.currentThread());
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("uploads", Map.of(
                "jakarta.persistence.nonJtaDataSource", counting.dataSource(),
                "hibernate.jdbc.batch_size", "100", "hibernate.order_inserts", "true"));
        System.out.printf("%-46s %10s %8s%n", "statement (" + rows + " rows)", "statements", "ms");
        fill(emf, rows, (em, i) -> em.persist(new Document("bulk", "bench/doc-" + i + ".txt")));
        measure(emf, counting, "delete from Document d where d.title = 'bulk'");
        fill(emf, rows, (em, i) -> em.persist(new Document("bulk", "bench/doc-" + i + ".txt")));
        measure(emf, counting, "update Document d set d.title = 'other' where d.title = 'bulk'");
        measure(emf, counting, "update Document d set d.filePath = null where d.title = 'other'");
        fill(emf, rows, (em, i) -> {
            Gallery gallery = new Gallery("bulk");
            gallery.images.add("bench/image-" + i + ".jpg");
            em.persist(gallery);
        });
        measure(emf, counting, "delete from Gallery g where g.name = 'bulk'");
        fill(emf, rows, (em, i) -> em.persist(new Tag("bulk")));
        measure(emf, counting, "delete from Tag t where t.label = 'bulk'");
        fill(emf, rows, (em, i) -> {
            Project project = new Project("bulk");
            em.persist(project);
            Sheet sheet = new Sheet(project, Path.of("bench/sheet-" + i + ".csv"));
            em.persist(sheet);
            em.persist(new Revision(sheet, Path.of("bench/revision-" + i + ".csv")));
        });
        measure(emf, counting, "delete from Project p where p.name = 'bulk'");
        emf.close();
    }

    private interface Row {
        void persist(EntityManager em, int index);
    }

    private static void fill(EntityManagerFactory emf, int rows, Row row) {
        inTransaction(emf, em -> {
            for (int i = 0; i < rows; i++) {
                row.persist(em, i);
                if (i % 1_000 == 999) {
                    em.flush();
                    em.clear();
                }
            }
        });
    }

    private static void measure(EntityManagerFactory emf, CountingDataSource counting, String hql) {
        counting.clear();
        long start = System.nanoTime();
        inTransaction(emf, em -> em.createQuery(hql).executeUpdate());
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%-46s %10d %8d%n", hql.substring(0, Math.min(46, hql.length())),
                counting.statements(), millis);
    }

    private static void inTransaction(EntityManagerFactory emf, Consumer<EntityManager> work) {
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        work.accept(em);
        em.getTransaction().commit();
        em.close();
    }
}
