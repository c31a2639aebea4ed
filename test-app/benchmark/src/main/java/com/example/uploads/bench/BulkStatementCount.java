package com.example.uploads.bench;

import com.example.uploads.Document;
import com.example.uploads.Gallery;
import com.example.uploads.Tag;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.function.Consumer;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * Counts the JDBC statements and times one bulk delete or update of {@code rows} rows (argument, default
 * 10,000), on H2 in memory: run without and with the agent, the difference is what the agent adds. Documents
 * have a file attribute, galleries one image each in an element collection, tags no file at all; the last
 * update assigns no file attribute.
 */
public final class BulkStatementCount {

    private BulkStatementCount() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("uploads", Map.of(
                "jakarta.persistence.jdbc.url", "jdbc:h2:mem:bulk;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
                "hibernate.jdbc.batch_size", "100", "hibernate.order_inserts", "true"));
        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        System.out.printf("%-46s %10s %8s%n", "statement (" + rows + " rows)", "statements", "ms");
        fill(emf, rows, i -> new Document("bulk", "bench/doc-" + i + ".txt"));
        measure(emf, statistics, "delete from Document d where d.title = 'bulk'");
        fill(emf, rows, i -> new Document("bulk", "bench/doc-" + i + ".txt"));
        measure(emf, statistics, "update Document d set d.title = 'other' where d.title = 'bulk'");
        measure(emf, statistics, "update Document d set d.filePath = null where d.title = 'other'");
        fill(emf, rows, i -> {
            Gallery gallery = new Gallery("bulk");
            gallery.images.add("bench/image-" + i + ".jpg");
            return gallery;
        });
        measure(emf, statistics, "delete from Gallery g where g.name = 'bulk'");
        fill(emf, rows, i -> new Tag("bulk"));
        measure(emf, statistics, "delete from Tag t where t.label = 'bulk'");
        emf.close();
    }

    private interface Row {
        Object make(int index);
    }

    private static void fill(EntityManagerFactory emf, int rows, Row row) {
        inTransaction(emf, em -> {
            for (int i = 0; i < rows; i++) {
                em.persist(row.make(i));
                if (i % 1_000 == 999) {
                    em.flush();
                    em.clear();
                }
            }
        });
    }

    private static void measure(EntityManagerFactory emf, Statistics statistics, String hql) {
        statistics.clear();
        long start = System.nanoTime();
        inTransaction(emf, em -> em.createQuery(hql).executeUpdate());
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%-46s %10d %8d%n", hql.substring(0, Math.min(46, hql.length())),
                statistics.getPrepareStatementCount(), millis);
    }

    private static void inTransaction(EntityManagerFactory emf, Consumer<EntityManager> work) {
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        work.accept(em);
        em.getTransaction().commit();
        em.close();
    }
}
