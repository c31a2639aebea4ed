package dev.filecleanup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The trigger starts the agent once, on the first class of a supported Hibernate, and weaves only what is advised. */
class HibernateTriggerTest {
    private static final String SESSION_FACTORY = "org/hibernate/internal/SessionFactoryImpl";
    private static final byte[] ORIGINAL = {1, 2, 3};
    private static final byte[] WOVEN = {4, 5, 6};

    /** This test's class loader holds Hibernate 7.4; an empty one holds none. */
    private final ClassLoader supported = getClass().getClassLoader();
    private final ClassLoader unsupported = new URLClassLoader(new URL[0], null);

    private final AtomicInteger starts = new AtomicInteger();
    private final List<String> woven = Collections.synchronizedList(new ArrayList<>());
    private final ClassFileTransformer advice = new ClassFileTransformer() {
        @Override
        public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                                java.security.ProtectionDomain domain, byte[] bytes) {
            woven.add(name);
            return WOVEN;
        }
    };
    private final HibernateTrigger trigger = new HibernateTrigger(hibernate -> {
        starts.incrementAndGet();
        return advice;
    });

    @Test
    void otherClassesNeverStartTheAgent() {
        assertNull(define(supported, "com/example/Main"));
        assertNull(define(supported, "org/hibernatex/Thing"));
        assertNull(define(null, SESSION_FACTORY));
        assertNull(define(unsupported, "org/hibernate/Session"));
        assertNull(define(unsupported, SESSION_FACTORY));
        assertEquals(0, starts.get());
        assertEquals(List.of(), woven);
    }

    @Test
    void theFirstHibernateClassStartsTheAgentOnceAndOnlyAdvisedClassesAreWoven() throws IOException {
        assertNull(define(supported, "org/hibernate/cfg/Configuration"));
        assertArrayEquals(WOVEN, defineClassFile(SESSION_FACTORY));
        assertNull(define(supported, "org/hibernate/internal/SessionImpl"));
        assertArrayEquals(WOVEN, defineClassFile("org/hibernate/action/internal/EntityDeleteAction"));
        assertEquals(1, starts.get());
        // Woven once each, whether ahead on the start thread (from the class file) or as it was defined.
        assertEquals(1, Collections.frequency(woven, SESSION_FACTORY));
        assertEquals(1, Collections.frequency(woven, "org/hibernate/action/internal/EntityDeleteAction"));
    }

    /** The insert actions go through Byte Buddy only with rollback cleanup; off, they cost a set lookup. */
    @Test
    void theInsertActionsAreWovenOnlyWithRollbackCleanup() throws IOException {
        String insert = "org/hibernate/action/internal/EntityInsertAction";
        assertNull(defineClassFile(insert));
        HibernateTrigger withRollbackCleanup = new HibernateTrigger(hibernate -> advice, true);
        try (InputStream in = supported.getResourceAsStream(insert + ".class")) {
            assertArrayEquals(WOVEN, withRollbackCleanup.transform(null, supported, insert, null, null,
                    in.readAllBytes()));
        }
        assertEquals(1, Collections.frequency(woven, insert));
    }

    @Test
    void anAgentThatMustStayOffWeavesNothing() {
        HibernateTrigger off = new HibernateTrigger(hibernate -> {
            starts.incrementAndGet();
            return null;
        });
        assertNull(off.transform(null, supported, SESSION_FACTORY, null, null, ORIGINAL));
        assertNull(off.transform(null, supported, "org/hibernate/internal/StatelessSessionImpl", null, null,
                ORIGINAL));
        assertEquals(1, starts.get());
    }

    private byte[] defineClassFile(String name) throws IOException {
        try (InputStream in = supported.getResourceAsStream(name + ".class")) {
            return trigger.transform(null, supported, name, null, null, in.readAllBytes());
        }
    }

    private byte[] define(ClassLoader loader, String name) {
        return trigger.transform(null, loader, name, null, null, ORIGINAL);
    }
}
