package dev.filecleanup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Classes woven ahead are handed over only for the loader and the bytes they were woven from, and once. */
class PreparedClassesTest {
    private static final String NAME = "org/hibernate/internal/SessionFactoryImpl";
    private static final byte[] WOVEN = {42};

    private final ClassLoader loader = getClass().getClassLoader();
    private final AtomicInteger weavings = new AtomicInteger();
    private final ClassFileTransformer advice = new ClassFileTransformer() {
        @Override
        public byte[] transform(Module module, ClassLoader definer, String name, Class<?> redefined,
                                java.security.ProtectionDomain domain, byte[] bytes) {
            weavings.incrementAndGet();
            return WOVEN;
        }
    };

    @Test
    void theClassFileWovenAheadIsHandedOverOnce() throws Exception {
        PreparedClasses prepared = new PreparedClasses(loader, List.of(NAME, "org/hibernate/NoSuchClass"), advice);
        prepared.prepareAll();
        assertEquals(1, weavings.get(), "a class the loader does not hold was woven");
        assertArrayEquals(WOVEN, prepared.take(loader, NAME, classFile()).bytes());
        assertNull(prepared.take(loader, NAME, classFile()), "handed over twice");
    }

    @Test
    void otherBytesOrAnotherLoaderAreWovenAsTheyAreDefined() throws Exception {
        PreparedClasses prepared = new PreparedClasses(loader, List.of(NAME), advice);
        prepared.prepareAll();
        assertNull(prepared.take(new ClassLoader(null) { }, NAME, classFile()));
        byte[] changed = classFile();
        changed[changed.length - 1] ^= 1;
        assertNull(prepared.take(loader, NAME, changed), "bytes another agent changed were replaced");
    }

    @Test
    void aClassDefinedBeforeItsTurnIsWovenByTheDefiningThread() throws Exception {
        PreparedClasses prepared = new PreparedClasses(loader, List.of(NAME), advice);
        assertArrayEquals(WOVEN, prepared.take(loader, NAME, classFile()).bytes());
        prepared.prepareAll();
        assertEquals(1, weavings.get());
    }

    private byte[] classFile() throws IOException {
        try (InputStream in = loader.getResourceAsStream(NAME + ".class")) {
            return in.readAllBytes();
        }
    }
}
