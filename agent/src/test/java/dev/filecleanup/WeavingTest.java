package dev.filecleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filecleanup.config.AgentConfig;
import dev.filecleanup.journal.Journal;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The advice woven into this very JVM (Hibernate 7.4 on H2), as BlockHound tests its own: a matcher or advice
 * mistake shows here in a second, before any application is started with the agent jar.
 */
class WeavingTest {
    @TempDir
    Path root;

    @Entity(name = "Upload")
    public static class Upload {
        @Id
        @GeneratedValue
        Long id;

        String path;

        Upload() {
        }

        Upload(String path) {
            this.path = path;
        }
    }

    @Test
    void theWovenAdviceDeletesAfterCommitOnly() throws Exception {
        Instrumentation instrumentation = ByteBuddyAgent.install();
        FileCleanup cleanup = new FileCleanup(AgentConfig.from(Map.of(),
                Map.of("filecleanup.roots", root.toString(), "filecleanup.journal", "none",
                        "filecleanup.attributes", "Upload.path"), Map.of()), Journal.NONE);
        Hooks.install(cleanup);
        ResettableClassFileTransformer transformer = Weaving.weave(instrumentation, false);
        try {
            try (SessionFactory factory = new Configuration().addAnnotatedClass(Upload.class)
                    .setProperty("hibernate.connection.url", "jdbc:h2:mem:installer;DB_CLOSE_DELAY=-1")
                    .setProperty("hibernate.hbm2ddl.auto", "create")
                    .buildSessionFactory()) {
                assertTrue(cleanup.routes().watches(persisterOf(factory)), "the SessionFactory was not catalogued");
                Upload removed = persist(factory, "removed.txt");
                Upload proxied = persist(factory, "proxied.txt");
                Upload replaced = persist(factory, "old.txt");
                Upload rolledBack = persist(factory, "rolled-back.txt");
                store("new.txt");

                inTransaction(factory, session -> session.remove(session.find(Upload.class, removed.id)));
                Object[] reference = new Object[1];
                inTransaction(factory, session -> {
                    reference[0] = session.getReference(Upload.class, proxied.id);
                    session.remove(reference[0]);
                });
                // Hibernate deletes it without loading it, and so must the agent (it reads the row's columns).
                assertFalse(org.hibernate.Hibernate.isInitialized(reference[0]), "the agent loaded the proxy");
                inTransaction(factory, session -> session.find(Upload.class, replaced.id).path = "new.txt");
                try (Session session = factory.openSession()) {
                    Transaction transaction = session.beginTransaction();
                    session.remove(session.find(Upload.class, rolledBack.id));
                    session.flush();
                    transaction.rollback();
                }
            }
            // What the exit hook does: finish the pending deletions (the factory's rows can still be read).
            cleanup.shutdown();
            assertFalse(Files.exists(root.resolve("removed.txt")));
            assertFalse(Files.exists(root.resolve("proxied.txt")));
            assertFalse(Files.exists(root.resolve("old.txt")));
            assertTrue(Files.exists(root.resolve("new.txt")));
            assertTrue(Files.exists(root.resolve("rolled-back.txt")));
            assertEquals(3, cleanup.counters().released(), "the rolled-back removal was handed over");
            assertEquals(3, cleanup.counters().deleted());
        } finally {
            transformer.reset(instrumentation, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
            Hooks.install(null);
        }
    }

    private static Object persisterOf(SessionFactory factory) {
        return factory.unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class).getMappingMetamodel()
                .getEntityDescriptor(Upload.class);
    }

    private Upload persist(SessionFactory factory, String path) throws Exception {
        Upload upload = new Upload(store(path));
        inTransaction(factory, session -> session.persist(upload));
        return upload;
    }

    private String store(String path) throws Exception {
        Files.writeString(root.resolve(path), path);
        return path;
    }

    private static void inTransaction(SessionFactory factory, Consumer<Session> work) {
        try (Session session = factory.openSession()) {
            Transaction transaction = session.beginTransaction();
            work.accept(session);
            transaction.commit();
        }
    }
}
