package com.example.uploads.bench;

import com.example.uploads.Document;
import com.example.uploads.Tag;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One transaction that persists, updates and removes one entity, on H2 in memory. {@code tag} has no file
 * attribute: with the agent attached it must cost the same as without. {@code document} has one, with no file
 * behind it, so the agent captures, hands over and checks references, but deletes nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TransactionBenchmark {
    private EntityManagerFactory emf;

    @Setup
    public void start() {
        emf = Persistence.createEntityManagerFactory("uploads", Map.of("jakarta.persistence.jdbc.url",
                "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"));
    }

    @TearDown
    public void stop() {
        emf.close();
    }

    @Benchmark
    public void tag() {
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        Tag tag = new Tag("a");
        em.persist(tag);
        em.flush();
        tag.label = "b";
        em.flush();
        em.remove(tag);
        em.getTransaction().commit();
        em.close();
    }

    @Benchmark
    public void document() {
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        Document document = new Document("a", "bench/never-written-a.txt");
        em.persist(document);
        em.flush();
        document.filePath = "bench/never-written-b.txt";
        em.flush();
        em.remove(document);
        em.getTransaction().commit();
        em.close();
    }
}
