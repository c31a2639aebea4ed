package dev.filecleanup.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {
    @TempDir
    Path temp;
    private Path fromFile;
    private Path fromEnvironment;
    private Path fromSystem;

    @BeforeEach
    void folders() throws Exception {
        fromFile = Files.createDirectories(temp.resolve("file"));
        fromEnvironment = Files.createDirectories(temp.resolve("env"));
        fromSystem = Files.createDirectories(temp.resolve("system"));
    }

    @Test
    void defaultsAreEnabledWithNothingWatchedAndNoRoots() {
        AgentConfig config = AgentConfig.from(Map.of(), Map.of(), Map.of());
        assertTrue(config.enabled());
        assertFalse(config.dryRun());
        assertEquals(List.of(), config.roots());
        assertEquals(List.of(), config.attributes());
        assertEquals(Duration.ofSeconds(10), config.shutdownTimeout());
        assertEquals("info", config.logLevel());
        assertEquals(List.of(), config.warnings());
    }

    @Test
    void systemPropertyBeatsEnvironmentWhichBeatsTheFile() {
        Map<String, String> file = Map.of("filecleanup.dryRun", "true", "filecleanup.roots", fromFile.toString(),
                "filecleanup.attributes", "File.path");
        Map<String, String> environment = Map.of("FILECLEANUP_DRYRUN", "false",
                "FILECLEANUP_ROOTS", fromEnvironment.toString());
        Map<String, String> system = Map.of("filecleanup.roots", fromSystem.toString());

        AgentConfig config = AgentConfig.from(file, system, environment);

        assertEquals(List.of(fromSystem), config.roots());
        assertFalse(config.dryRun());
        assertEquals("[File.path]", config.attributes().toString());
    }

    @Test
    void environmentNamesAreDerivedFromTheKeys() {
        assertEquals("FILECLEANUP_SHUTDOWNTIMEOUT", ConfigOption.SHUTDOWN_TIMEOUT.environmentName());
        assertEquals("filecleanup.shutdownTimeout", ConfigOption.SHUTDOWN_TIMEOUT.key());
    }

    @Test
    void rootsAreTrimmedAndNormalisedAndNestedOnesAreReported() {
        AgentConfig config = AgentConfig.from(Map.of(), Map.of("filecleanup.roots",
                " " + fromFile + "/ , " + fromEnvironment + "/../system ,, " + fromSystem + "/inner/.."), Map.of());
        assertEquals(List.of(fromFile, fromSystem, fromSystem), config.roots());

        Path inner = fromFile.resolve("inner");
        inner.toFile().mkdir();
        AgentConfig nested = AgentConfig.from(Map.of(), Map.of("filecleanup.roots", fromFile + "," + inner), Map.of());
        assertEquals(List.of("storage root " + inner + " lies inside storage root " + fromFile), nested.warnings());
    }

    /** Every refused root is named with its reason, in one message, and then nothing is installed. */
    @Test
    void rootsThatAreTooWideOrNotThereAreRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> AgentConfig.from(
                Map.of(), Map.of("filecleanup.roots", "/, uploads, " + temp.resolve("missing") + ", " + fromFile),
                Map.of()));
        assertEquals("filecleanup.roots (or FILECLEANUP_ROOTS): storage root / is the root of the file system; "
                + "storage root uploads is relative; give an absolute path; storage root " + temp.resolve("missing")
                + " does not exist (set filecleanup.allowMissingRoots=true for a root that is mounted later)",
                refused.getMessage());
    }

    @Test
    void aRootMountedLaterIsAllowedOnRequest() {
        AgentConfig config = AgentConfig.from(Map.of(), Map.of("filecleanup.roots", temp.resolve("later").toString(),
                "filecleanup.allowMissingRoots", "true"), Map.of());
        assertEquals(List.of(temp.resolve("later")), config.roots());
    }

    @Test
    void invalidValuesAreRejectedWithTheKeyAndTheExpectation() {
        IllegalArgumentException bool = assertThrows(IllegalArgumentException.class,
                () -> AgentConfig.from(Map.of(), Map.of("filecleanup.enabled", "yes"), Map.of()));
        assertEquals("filecleanup.enabled (or FILECLEANUP_ENABLED) is 'yes'; expected true or false",
                bool.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> AgentConfig.from(Map.of(), Map.of("filecleanup.shutdownTimeout", "-1"), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> AgentConfig.from(Map.of(), Map.of("filecleanup.logLevel", "loud"), Map.of()));
        IllegalArgumentException selector = assertThrows(IllegalArgumentException.class,
                () -> AgentConfig.from(Map.of(), Map.of("filecleanup.attributes", "Document"), Map.of()));
        assertTrue(selector.getMessage().startsWith("filecleanup.attributes: 'Document' is not a selector"));
    }

    @Test
    void theLogGoesToStderrByDefaultToTheApplicationOrNowhere() {
        assertEquals("stderr", AgentConfig.from(Map.of(), Map.of(), Map.of()).log());
        assertEquals("application",
                AgentConfig.from(Map.of(), Map.of(), Map.of("FILECLEANUP_LOG", "Application")).log());
        assertEquals("none", AgentConfig.from(Map.of("filecleanup.log", "none"), Map.of(), Map.of()).log());
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> AgentConfig.from(Map.of(), Map.of("filecleanup.log", "logback"), Map.of()));
        assertEquals("filecleanup.log (or FILECLEANUP_LOG) is 'logback'; expected stderr, application, none",
                invalid.getMessage());
    }

    @Test
    void theAgentArgumentNamesAPropertiesFile() throws Exception {
        Path file = Files.writeString(temp.resolve("cleanup.properties"),
                "filecleanup.roots=" + fromFile + "\nfilecleanup.exclude=Legacy.*\n");
        Properties system = new Properties();
        system.setProperty("filecleanup.dryRun", "true");

        AgentConfig config = AgentConfig.load(" " + file + " ", system, Map.of());

        assertEquals(List.of(fromFile), config.roots());
        assertEquals("[Legacy.*]", config.excludes().toString());
        assertTrue(config.dryRun());
    }
}
