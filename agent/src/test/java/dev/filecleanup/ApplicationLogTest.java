package dev.filecleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code filecleanup.log=application} against a real SLF4J of an "application": slf4j-api and slf4j-simple in a
 * class loader of their own, as a fat jar's loader holds them, writing to a file. (In these tests our own Log
 * uses the same, unrelocated SLF4J classes of the test class path, which stay apart from that loader's.)
 */
class ApplicationLogTest {
    private static final String SIMPLE = "org.slf4j.simpleLogger.";

    @TempDir
    Path temp;

    @AfterEach
    void backToStderr() {
        Log.configure("info", "stderr");
    }

    @Test
    void linesReachTheApplicationsLoggerFormattedWithTheirThrowable() throws Exception {
        Path file = temp.resolve("app.log");
        ApplicationLog log = ApplicationLog.of(application(file, true));

        assertTrue(log.write(Log.INFO, "deleted {} ({})", new Object[] {"/srv/a.pdf", "Document.filePath removed"}));
        assertTrue(log.write(Log.ERROR, "could not instrument {}", new Object[] {"X", new IllegalStateException("boom")}));
        // The application's own level applies after ours: its logger is at info.
        assertTrue(log.write(Log.DEBUG, "captured {}", new Object[] {"b.pdf"}));

        String written = Files.readString(file);
        assertTrue(written.contains("INFO dev.filecleanup - deleted /srv/a.pdf (Document.filePath removed)"), written);
        assertTrue(written.contains("ERROR dev.filecleanup - could not instrument X"), written);
        assertTrue(written.contains("java.lang.IllegalStateException: boom"), written);
        assertFalse(written.contains("captured"), written);
    }

    @Test
    void linesLoggedBeforeTheApplicationIsKnownAreHeldAndHandedOverInOrder() throws Exception {
        Path file = temp.resolve("app.log");
        ClassLoader application = application(file, true);
        Log.configure("info", "application");
        Log.warn("{}", "storage root /b lies inside storage root /a");
        Log.debug("filtered first by filecleanup.logLevel");
        assertEquals("", Files.exists(file) ? Files.readString(file) : "");

        Log.useApplicationOf(application);
        Log.info("installed");

        List<String> lines = Files.readAllLines(file);
        assertEquals(List.of("WARN dev.filecleanup - storage root /b lies inside storage root /a",
                "INFO dev.filecleanup - installed"), lines);
    }

    @Test
    void withoutSlf4jOrWithoutAProviderThereIsNoApplicationLog() throws Exception {
        assertThrows(ClassNotFoundException.class, () -> ApplicationLog.of(new URLClassLoader(new URL[0], null)));
        ClassNotFoundException noProvider = assertThrows(ClassNotFoundException.class,
                () -> ApplicationLog.of(application(temp.resolve("unused.log"), false)));
        assertEquals("SLF4J has no provider there", noProvider.getMessage());
    }

    /** slf4j-api, and slf4j-simple writing to {@code file} unless {@code provider} is false, in a loader apart. */
    private static ClassLoader application(Path file, boolean provider) throws Exception {
        URL api = org.slf4j.LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation();
        URL simple = org.slf4j.simple.SimpleLogger.class.getProtectionDomain().getCodeSource().getLocation();
        URLClassLoader loader = new URLClassLoader(provider ? new URL[] {api, simple} : new URL[] {api},
                ClassLoader.getPlatformClassLoader());
        // slf4j-simple reads its settings once, when its first logger is made: set them around that moment only.
        String[][] settings = {{"logFile", file.toString()}, {"showDateTime", "false"}, {"showThreadName", "false"},
                {"defaultLogLevel", "info"}};
        String[] before = new String[settings.length];
        for (int i = 0; i < settings.length; i++) {
            before[i] = System.setProperty(SIMPLE + settings[i][0], settings[i][1]);
        }
        try {
            Class.forName("org.slf4j.LoggerFactory", true, loader).getMethod("getLogger", String.class)
                    .invoke(null, "warm-up");
        } finally {
            for (int i = 0; i < settings.length; i++) {
                if (before[i] == null) {
                    System.clearProperty(SIMPLE + settings[i][0]);
                } else {
                    System.setProperty(SIMPLE + settings[i][0], before[i]);
                }
            }
        }
        return loader;
    }
}
