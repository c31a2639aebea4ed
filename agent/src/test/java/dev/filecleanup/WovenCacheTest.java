package dev.filecleanup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.instrument.ClassFileTransformer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A class woven once is read back by the next start without weaving; anything that does not match is woven. */
class WovenCacheTest {
    private static final String NAME = "org/hibernate/internal/SessionFactoryImpl";
    private static final byte[] ORIGINAL = {1, 2, 3, 4};

    @TempDir
    Path folder;

    private final AtomicInteger weavings = new AtomicInteger();
    private final AtomicInteger starts = new AtomicInteger();

    private WovenCache start() {
        return new WovenCache(folder, () -> {
            starts.incrementAndGet();
            return new ClassFileTransformer() {
                @Override
                public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                                        ProtectionDomain domain, byte[] bytes) {
                    weavings.incrementAndGet();
                    byte[] woven = bytes.clone();
                    woven[0] = 42;
                    return woven;
                }
            };
        });
    }

    @Test
    void aLaterStartReadsTheWovenClassWithoutStartingTheWeaving() throws Exception {
        byte[] first = start().transform(null, null, NAME, null, null, ORIGINAL);
        byte[] second = start().transform(null, null, NAME, null, null, ORIGINAL);
        assertArrayEquals(new byte[] {42, 2, 3, 4}, first);
        assertArrayEquals(first, second);
        assertEquals(1, weavings.get());
        assertEquals(1, starts.get(), "the second start started the weaving");
    }

    @Test
    void anotherVersionOfTheClassIsWovenAgain() throws Exception {
        start().transform(null, null, NAME, null, null, ORIGINAL);
        start().transform(null, null, NAME, null, null, new byte[] {1, 2, 3, 5});
        assertEquals(2, weavings.get());
    }

    @Test
    void aDamagedEntryIsWovenAgain() throws Exception {
        start().transform(null, null, NAME, null, null, ORIGINAL);
        try (Stream<Path> entries = Files.list(folder)) {
            Path entry = entries.findFirst().orElseThrow();
            byte[] content = Files.readAllBytes(entry);
            content[content.length - 1] ^= 1;
            Files.write(entry, content);
        }
        assertArrayEquals(new byte[] {42, 2, 3, 4}, start().transform(null, null, NAME, null, null, ORIGINAL));
        assertEquals(2, weavings.get());
    }

    @Test
    void withoutAFolderEveryStartWeaves() throws Exception {
        new WovenCache(null, () -> new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                                    ProtectionDomain domain, byte[] bytes) {
                weavings.incrementAndGet();
                return null;
            }
        }).transform(null, null, NAME, null, null, ORIGINAL);
        assertEquals(1, weavings.get());
    }
}
