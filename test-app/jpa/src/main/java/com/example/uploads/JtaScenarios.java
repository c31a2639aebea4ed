package com.example.uploads;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The application in JTA mode under Narayana, a standalone transaction manager: commit, rollback,
 * setRollbackOnly, and a transaction rolled back by the manager's timeout. Arguments: "jta", the upload folder.
 */
public final class JtaScenarios {
    private final Uploads files;
    private final TransactionManager transactions;
    private final EntityManagerFactory emf;

    private JtaScenarios(Path root) {
        System.setProperty("ObjectStoreEnvironmentBean.objectStoreDir",
                root.resolveSibling(root.getFileName() + "-narayana").toString());
        System.setProperty("com.arjuna.ats.arjuna.objectstore.objectStoreDir",
                root.resolveSibling(root.getFileName() + "-narayana").toString());
        this.transactions = com.arjuna.ats.jta.TransactionManager.transactionManager();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:jta;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
        Map<String, Object> settings = new HashMap<>();
        settings.put("jakarta.persistence.transactionType", "JTA");
        settings.put("jakarta.persistence.jtaDataSource", new JtaDataSource(h2, transactions));
        settings.put("hibernate.transaction.jta.platform",
                "org.hibernate.engine.transaction.jta.platform.internal.JBossStandAloneJtaPlatform");
        this.emf = Persistence.createEntityManagerFactory("uploads", settings);
        this.files = new Uploads(root, emf);
    }

    public static void main(String[] args) throws Exception {
        JtaScenarios jta = new JtaScenarios(Path.of(args[1]));
        jta.run();
        jta.emf.close();
        System.out.println("jta scenario finished");
    }

    private void run() throws Exception {
        Document committed = persist(new Document("commit", files.store("jta/committed.txt")));
        Document replaced = persist(new Document("replace", files.store("jta/replaced-old.txt")));
        Document rolledBack = persist(new Document("rollback", files.store("jta/rolled-back.txt")));
        Document rollbackOnly = persist(new Document("rollback only", files.store("jta/rollback-only.txt")));
        Document timedOut = persist(new Document("timeout", files.store("jta/timed-out.txt")));

        inTransaction(em -> em.remove(em.find(Document.class, committed.id)));
        inTransaction(em -> em.find(Document.class, replaced.id).filePath = files.store("jta/replaced-new.txt"));

        transactions.begin();
        EntityManager em = emf.createEntityManager();
        em.remove(em.find(Document.class, rolledBack.id));
        em.flush();
        transactions.rollback();
        em.close();

        transactions.begin();
        em = emf.createEntityManager();
        em.remove(em.find(Document.class, rollbackOnly.id));
        em.flush();
        transactions.setRollbackOnly();
        expectFailure(() -> transactions.commit(), "commit after setRollbackOnly");
        em.close();

        transactions.setTransactionTimeout(1);
        transactions.begin();
        em = emf.createEntityManager();
        em.remove(em.find(Document.class, timedOut.id));
        em.flush();
        awaitRollbackByTheReaper();
        expectFailure(() -> transactions.commit(), "commit after the timeout");
        try {
            em.close();
        } catch (RuntimeException e) {
            // Hibernate may report the rollback that happened on the reaper's thread at the next use of the session.
            System.out.println("closing the timed-out EntityManager: " + e.getMessage());
        }
        transactions.setTransactionTimeout(0);
    }

    /** The transaction manager's reaper rolls the timed-out transaction back on its own thread. */
    private void awaitRollbackByTheReaper() throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (transactions.getStatus() != Status.STATUS_ROLLEDBACK) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the reaper did not roll back; status " + transactions.getStatus());
            }
            Thread.sleep(20);
        }
        System.out.println("the reaper rolled the transaction back");
    }

    private Document persist(Document document) throws Exception {
        inTransaction(em -> em.persist(document));
        return document;
    }

    private void inTransaction(Consumer<EntityManager> work) throws Exception {
        transactions.begin();
        EntityManager em = emf.createEntityManager();
        try {
            work.accept(em);
        } finally {
            transactions.commit();
            em.close();
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void expectFailure(Action action, String what) {
        try {
            action.run();
            throw new AssertionError(what + " should have failed");
        } catch (Exception expected) {
            System.out.println(what + " failed as planned: " + expected.getClass().getSimpleName());
        }
    }
}
