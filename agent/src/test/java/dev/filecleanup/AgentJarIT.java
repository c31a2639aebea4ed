package dev.filecleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** Opens the built agent jar: it must expose nothing but our package and META-INF to the host. */
class AgentJarIT {
    private static final Path JAR = Path.of(System.getProperty("filecleanup.agentJar"));

    @Test
    void everyEntryIsOursOrMetaInf() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> foreign = jar.stream().map(ZipEntry::getName)
                    .filter(name -> !name.startsWith("META-INF/") && !name.startsWith("dev/filecleanup/")
                            && !name.equals("dev/"))
                    .toList();
            assertEquals(List.of(), foreign);
        }
    }

    @Test
    void dependenciesAreRelocatedWholeWithNoMultiReleaseLeftovers() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertNotNull(jar.getEntry("dev/filecleanup/shaded/bytebuddy/ByteBuddy.class"));
            assertNotNull(jar.getEntry("dev/filecleanup/shaded/bytebuddy/jar/asm/ClassWriter.class"));
            assertNotNull(jar.getEntry("dev/filecleanup/shaded/slf4j/simple/SimpleLogger.class"));
            assertNotNull(jar.getEntry("dev/filecleanup/shaded/weaklockfree/WeakConcurrentMap.class"));
            assertNotNull(jar.getEntry("META-INF/services/dev.filecleanup.shaded.slf4j.spi.SLF4JServiceProvider"));
            List<String> leftovers = jar.stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("META-INF/versions/") || name.endsWith("module-info.class"))
                    .toList();
            assertEquals(List.of(), leftovers);
        }
    }

    @Test
    void theManifestNamesTheEntryPoints() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertEquals(FileCleanupAgent.class.getName(), manifest.getValue("Premain-Class"));
            assertEquals(FileCleanupAgent.class.getName(), manifest.getValue("Agent-Class"));
            assertEquals("true", manifest.getValue("Can-Retransform-Classes"));
            assertTrue(!"true".equalsIgnoreCase(manifest.getValue("Multi-Release")));
        }
    }
}
