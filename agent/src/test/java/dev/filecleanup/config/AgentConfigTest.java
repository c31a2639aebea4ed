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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {

    @Test
    void defaultsAreEnabledWithNothingWatchedAndNoRoots() {
        AgentConfig config = AgentConfig.from(Map.of(), Map.of(), Map.of());
        assertTrue(config.enabled());
        assertFalse(config.dryRun());
        assertEquals(List.of(), config.roots());
        assertEquals(List.of(), config.attributes());
        assertEquals(Duration.ofSeconds(10), config.shutdownTimeout());
        assertEquals("info", config.logLevel());
    }

    @Test
    void systemPropertyBeatsEnvironmentWhichBeatsTheFile() {
        Map<String, String> file = Map.of("filecleanup.dryRun", "true", "filecleanup.roots", "/from/file",
                "filecleanup.attributes", "File.path");
        Map<String, String> environment = Map.of("FILECLEANUP_DRYRUN", "false", "FILECLEANUP_ROOTS", "/from/env");
        Map<String, String> system = Map.of("filecleanup.roots", "/from/system");

        AgentConfig config = AgentConfig.from(file, system, environment);

        assertEquals(List.of(Path.of("/from/system")), config.roots());
        assertFalse(config.dryRun());
        assertEquals("[File.path]", config.attributes().toString());
    }

    @Test
    void environmentNamesAreDerivedFromTheKeys() {
        assertEquals("FILECLEANUP_SHUTDOWNTIMEOUT", ConfigOption.SHUTDOWN_TIMEOUT.environmentName());
        assertEquals("filecleanup.shutdownTimeout", ConfigOption.SHUTDOWN_TIMEOUT.key());
    }

    @Test
    void rootsAreTrimmedAbsoluteAndNormalised() {
        AgentConfig config = AgentConfig.from(Map.of(),
                Map.of("filecleanup.roots", " /srv/uploads/ , /srv/a/../b ,, "), Map.of());
        assertEquals(List.of(Path.of("/srv/uploads"), Path.of("/srv/b")), config.roots());
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
    void theAgentArgumentNamesAPropertiesFile(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("cleanup.properties"),
                "filecleanup.roots=/from/file\nfilecleanup.exclude=Legacy.*\n");
        Properties system = new Properties();
        system.setProperty("filecleanup.dryRun", "true");

        AgentConfig config = AgentConfig.load(" " + file + " ", system, Map.of());

        assertEquals(List.of(Path.of("/from/file")), config.roots());
        assertEquals("[Legacy.*]", config.excludes().toString());
        assertTrue(config.dryRun());
    }
}
