package dev.filecleanup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filecleanup.config.AgentConfig;
import dev.filecleanup.journal.Journal;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
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
 * {@code filecleanup.rollbackCleanup} woven into this JVM (Hibernate 7.4 on H2): both insert actions, a sequence
 * id ({@code EntityInsertAction}) and an identity column ({@code EntityIdentityInsertAction}), and an update.
 */
class RollbackCleanupWeavingTest {
    private static final String INSERT = "org/hibernate/action/internal/EntityInsertAction";
    private static final String IDENTITY_INSERT = "org/hibernate/action/internal/EntityIdentityInsertAction";
    private static final String UPDATE = "org/hibernate/action/internal/EntityUpdateAction";

    @TempDir
    Path root;

    @Entity(name = "SequenceUpload")
    public static class SequenceUpload {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

        String path;
    }

    @Entity(name = "IdentityUpload")
    public static class IdentityUpload {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        String path;
    }

    @Test
    void filesWrittenByRolledBackInsertsAndUpdatesAreDeletedAfterTheDelay() throws Exception {
        Instrumentation instrumentation = ByteBuddyAgent.install();
        FileCleanup cleanup = new FileCleanup(AgentConfig.from(Map.of(),
                Map.of("filecleanup.roots", root.toString(), "filecleanup.journal", "none",
                        "filecleanup.attributes", "*.path", "filecleanup.rollbackCleanup", "300ms"), Map.of()),
                Journal.NONE);
        Hooks.install(cleanup);
        ResettableClassFileTransformer transformer = Weaving.weave(instrumentation, true);
        try {
            try (SessionFactory factory = new Configuration().addAnnotatedClass(SequenceUpload.class)
                    .addAnnotatedClass(IdentityUpload.class)
                    .setProperty("hibernate.connection.url", "jdbc:h2:mem:rollback;DB_CLOSE_DELAY=-1")
                    .setProperty("hibernate.hbm2ddl.auto", "create")
                    .buildSessionFactory()) {
                SequenceUpload updated = new SequenceUpload();
                updated.path = store("old.txt");
                SequenceUpload committed = new SequenceUpload();
                committed.path = store("committed.txt");
                inTransaction(factory, true, session -> {
                    session.persist(updated);
                    session.persist(committed);
                });
                store("new.txt");
                SequenceUpload sequence = new SequenceUpload();
                sequence.path = store("sequence.txt");
                IdentityUpload identity = new IdentityUpload();
                identity.path = store("identity.txt");
                inTransaction(factory, false, session -> {
                    session.persist(sequence);
                    session.persist(identity);
                    session.find(SequenceUpload.class, updated.id).path = "new.txt";
                });
                Thread.sleep(600);
                // What the exit hook does: hand over the checks that are due, and finish them.
                cleanup.shutdown();
            }
            assertFalse(Files.exists(root.resolve("sequence.txt")), "EntityInsertAction");
            assertFalse(Files.exists(root.resolve("identity.txt")), "EntityIdentityInsertAction");
            assertFalse(Files.exists(root.resolve("new.txt")), "EntityUpdateAction");
            assertTrue(Files.exists(root.resolve("old.txt")));
            assertTrue(Files.exists(root.resolve("committed.txt")));
            assertEquals(0, cleanup.counters().released());
            assertEquals(3, cleanup.counters().rolledBack(), "the update wrote new.txt, not old.txt");
            assertEquals(3, cleanup.counters().deleted());
        } finally {
            transformer.reset(instrumentation, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
            Hooks.install(null);
        }
    }

    /**
     * Without the option the insert actions are not woven at all; the classes woven either way are woven alike,
     * so that one weave cache entry (named by the agent jar and the original class) serves both settings.
     */
    @Test
    void theOptionAddsTheInsertActionsAndChangesNothingElse() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        ClassFileTransformer off = Weaving.raw(false);
        ClassFileTransformer on = Weaving.raw(true);
        assertNull(weave(off, loader, INSERT));
        assertNull(weave(off, loader, IDENTITY_INSERT));
        assertNotNull(weave(on, loader, INSERT));
        assertNotNull(weave(on, loader, IDENTITY_INSERT));
        for (String name : HibernateTrigger.ADVISED) {
            assertArrayEquals(weave(off, loader, name), weave(on, loader, name), name);
        }
        assertNotNull(weave(off, loader, UPDATE));
        assertEquals(HibernateTrigger.ADVISED, HibernateTrigger.advised(false));
        assertTrue(HibernateTrigger.advised(true).containsAll(HibernateTrigger.ROLLBACK_CLEANUP));
    }

    private static byte[] weave(ClassFileTransformer advice, ClassLoader loader, String name) throws Exception {
        byte[] original;
        try (InputStream in = loader.getResourceAsStream(name + ".class")) {
            if (in == null) {
                return null; // a class of another line
            }
            original = in.readAllBytes();
        }
        return advice.transform(loader.getUnnamedModule(), loader, name, null, null, original);
    }

    private String store(String path) throws Exception {
        Files.writeString(root.resolve(path), path);
        return path;
    }

    private static void inTransaction(SessionFactory factory, boolean commit, Consumer<Session> work) {
        try (Session session = factory.openSession()) {
            Transaction transaction = session.beginTransaction();
            work.accept(session);
            session.flush();
            if (commit) {
                transaction.commit();
            } else {
                transaction.rollback();
            }
        }
    }
}
