package com.example.uploads.bench;

import com.example.uploads.Document;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * What pending released files cost in heap, for {@link Perf}'s fifth goal; run without and with the agent. It
 * inserts {@code perf.files} documents, reads the heap after full collections ({@code baseline}), removes them
 * all in one transaction and flushes, and reads it again before the commit ({@code beforeCommit}): with the
 * agent, every removed document's old file value is held for the commit.
 *
 * <p>With {@code perf.lock=true} (PostgreSQL only) the files exist on disk, and before the commit another
 * connection locks {@code Contract}'s table in access exclusive mode ({@code Contract.scan} is a {@code Path}, so
 * its column is a reference column). The agent's reference check, which reads every reference column after the
 * commit on its own thread, then waits for that lock, so the committed files stay pending. With
 * {@code perf.expectCheck=true} (the agent attached) this JVM waits until PostgreSQL shows the check blocked by
 * the lock, and reads the heap again ({@code afterCommit}); without the agent nothing waits, and the heap is read
 * at once.
 *
 * <p>Prints {@code PERF memory files=N baseline=B beforeCommit=B1 [afterCommit=B2]} in bytes and halts, or
 * {@code PERF failed ...}.
 */
public final class MemoryMain {
    private MemoryMain() {
    }

    public static void main(String[] args) throws Exception {
        int files = Integer.getInteger("perf.files", 20_000);
        boolean lock = Boolean.getBoolean("perf.lock");
        boolean expectCheck = Boolean.getBoolean("perf.expectCheck");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("uploads", ThroughputMain.settings());
        Path root = Path.of(System.getProperty("perf.root"));
        ThroughputMain.inTransaction(emf, em -> {
            for (int i = 0; i < files; i++) {
                em.persist(new Document("memory", name(i)));
                if (i % 1_000 == 999) {
                    em.flush();
                    em.clear();
                }
            }
        });
        if (lock) {
            Files.createDirectories(root.resolve("memory"));
            for (int i = 0; i < files; i++) {
                Files.writeString(root.resolve(name(i)), "contents of file " + i);
            }
        }
        long baseline = Heap.settled();

        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        List<Document> documents = em.createQuery("select d from Document d", Document.class).getResultList();
        if (documents.size() != files) {
            ThroughputMain.fail("found " + documents.size() + " documents instead of " + files);
        }
        documents.forEach(em::remove);
        em.flush();
        documents = null;
        long beforeCommit = Heap.settled();
        String line = "PERF memory files=" + files + " baseline=" + baseline + " beforeCommit=" + beforeCommit;

        if (lock) {
            String url = System.getProperty("perf.url");
            String user = System.getProperty("perf.user");
            String password = System.getProperty("perf.password", "");
            try (Connection holder = DriverManager.getConnection(url, user, password);
                 Connection monitor = DriverManager.getConnection(url, user, password)) {
                holder.setAutoCommit(false);
                int holderPid;
                try (Statement statement = holder.createStatement()) {
                    statement.execute("lock table Contract in access exclusive mode");
                    ResultSet pid = statement.executeQuery("select pg_backend_pid()");
                    pid.next();
                    holderPid = pid.getInt(1);
                }
                em.getTransaction().commit();
                em.close();
                if (expectCheck && !blockedBy(monitor, holderPid, 30_000)) {
                    ThroughputMain.fail("the agent's reference check was never seen waiting for the lock on "
                            + "Contract within 30 s of the commit (is the agent attached? see its log)");
                }
                line += " afterCommit=" + Heap.settled();
                holder.rollback();
            }
        } else {
            em.getTransaction().rollback();
            em.close();
        }
        System.out.println(line);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static String name(int index) {
        return String.format("memory/f-%07d.bin", index);
    }

    /** Whether some other session waits for a lock that {@code holderPid} holds, within {@code millis}. */
    private static boolean blockedBy(Connection monitor, int holderPid, long millis) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000;
        try (Statement statement = monitor.createStatement()) {
            while (System.nanoTime() < deadline) {
                ResultSet waiting = statement.executeQuery("select count(*) from pg_stat_activity where "
                        + holderPid + " = any(pg_blocking_pids(pid))");
                waiting.next();
                if (waiting.getInt(1) > 0) {
                    return true;
                }
                Thread.sleep(50);
            }
        }
        return false;
    }
}
