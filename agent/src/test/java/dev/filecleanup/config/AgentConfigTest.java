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
    void rollbackCleanupIsOffUnlessGivenADuration() {
        assertEquals(null, AgentConfig.from(Map.of(), Map.of(), Map.of()).rollbackCleanup());
        assertEquals(null, AgentConfig.from(Map.of(), Map.of("filecleanup.rollbackCleanup", "OFF"), Map.of())
                .rollbackCleanup());
        assertEquals(null, AgentConfig.from(Map.of(), Map.of("filecleanup.rollbackCleanup", " "), Map.of())
                .rollbackCleanup());
        assertEquals(Duration.ofMinutes(10), AgentConfig.from(Map.of(),
                Map.of("filecleanup.rollbackCleanup", "PT10M"), Map.of()).rollbackCleanup());
        assertEquals(Duration.ofMillis(250), AgentConfig.from(Map.of(), Map.of(),
                Map.of("FILECLEANUP_ROLLBACKCLEANUP", "250ms")).rollbackCleanup());
        assertEquals("filecleanup.rollbackCleanup is 'later' (from -Dfilecleanup.rollbackCleanup); expected a "
                + "duration such as 250ms, 5s, 2m or PT0.5S, or off",
                mistake(Map.of(), Map.of("filecleanup.rollbackCleanup", "later"), Map.of()));
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

    /** Every refused root is named with its reason and source, in one message, and then nothing is installed. */
    @Test
    void rootsThatAreTooWideOrNotThereAreRefusedByName() {
        InvalidConfigurationException refused = assertThrows(InvalidConfigurationException.class,
                () -> AgentConfig.from(Map.of(), Map.of("filecleanup.roots",
                        "/, uploads, " + temp.resolve("missing") + ", " + fromFile), Map.of()));
        assertEquals(List.of("storage root / (from -Dfilecleanup.roots) is the root of the file system",
                "storage root uploads (from -Dfilecleanup.roots) is relative; give an absolute path",
                "storage root " + temp.resolve("missing") + " (from -Dfilecleanup.roots) does not exist "
                        + "(set filecleanup.allowMissingRoots=true for a root that is mounted later)"),
                refused.problems());
        assertEquals("3 configuration mistakes: (1) storage root / (from -Dfilecleanup.roots) is the root of the "
                + "file system; (2) storage root uploads (from -Dfilecleanup.roots) is relative; give an absolute "
                + "path; (3) storage root " + temp.resolve("missing") + " (from -Dfilecleanup.roots) does not exist "
                + "(set filecleanup.allowMissingRoots=true for a root that is mounted later)", refused.getMessage());
    }

    @Test
    void aRefusedRootNamesTheEnvironmentVariableOrTheFileItCameFrom() {
        InvalidConfigurationException environment = assertThrows(InvalidConfigurationException.class,
                () -> AgentConfig.from(Map.of(), Map.of(), Map.of("FILECLEANUP_ROOTS", "/etc")));
        assertEquals("storage root /etc (from the environment variable FILECLEANUP_ROOTS) is a system directory",
                environment.getMessage());
        InvalidConfigurationException file = assertThrows(InvalidConfigurationException.class,
                () -> AgentConfig.from(Map.of("filecleanup.roots", "uploads"), "/etc/cleanup.properties", Map.of(),
                        Map.of()));
        assertEquals("storage root uploads (from /etc/cleanup.properties) is relative; give an absolute path",
                file.getMessage());
        assertEquals("storage root 'a\u0000b' (from -Dfilecleanup.roots) is not a path",
                mistake(Map.of(), Map.of("filecleanup.roots", "a\u0000b"), Map.of()));
    }

    @Test
    void aRootMountedLaterIsAllowedOnRequest() {
        AgentConfig config = AgentConfig.from(Map.of(), Map.of("filecleanup.roots", temp.resolve("later").toString(),
                "filecleanup.allowMissingRoots", "true"), Map.of());
        assertEquals(List.of(temp.resolve("later")), config.roots());
    }

    @Test
    void invalidValuesAreRejectedWithTheKeyTheSourceAndTheExpectation() {
        assertEquals("filecleanup.enabled is 'yes' (from -Dfilecleanup.enabled); expected true or false",
                mistake(Map.of(), Map.of("filecleanup.enabled", "yes"), Map.of()));
        assertEquals("filecleanup.shutdownTimeout is '-1' (from -Dfilecleanup.shutdownTimeout); expected a number "
                + "of seconds, 0 or more", mistake(Map.of(), Map.of("filecleanup.shutdownTimeout", "-1"), Map.of()));
        assertEquals("filecleanup.logLevel is 'loud' (from -Dfilecleanup.logLevel); expected error, warn, info, "
                + "debug, trace, off", mistake(Map.of(), Map.of("filecleanup.logLevel", "loud"), Map.of()));
        assertEquals("filecleanup.attributes (from -Dfilecleanup.attributes): 'Document' is not a selector; "
                + "expected Entity.attribute, with * as a wildcard",
                mistake(Map.of(), Map.of("filecleanup.attributes", "Document"), Map.of()));
        assertEquals("filecleanup.journal.table is 'a.b.c' (from -Dfilecleanup.journal.table); expected a table "
                + "name, optionally schema-qualified",
                mistake(Map.of(), Map.of("filecleanup.journal.table", "a.b.c"), Map.of()));
        assertEquals("filecleanup.journal (from -Dfilecleanup.journal): the journal " + fromFile.resolve("j")
                + " lies inside a storage root; put it outside every root", mistake(Map.of(), Map.of(
                "filecleanup.roots", fromFile.toString(), "filecleanup.journal", "file:" + fromFile.resolve("j")),
                Map.of()));
    }

    /** The value that wins is the one named, with the source it came from; the values it hides are not judged. */
    @Test
    void anInvalidValueNamesTheSourceItCameFrom() {
        assertEquals("filecleanup.dryRun is 'maybe' (from the environment variable FILECLEANUP_DRYRUN); expected "
                + "true or false", mistake(Map.of("filecleanup.dryRun", "perhaps"), Map.of(),
                Map.of("FILECLEANUP_DRYRUN", "maybe")));
        assertEquals("filecleanup.retry.attempts is '0' (from /etc/cleanup.properties); expected a whole number, 1 "
                + "or more", assertThrows(InvalidConfigurationException.class, () -> AgentConfig.from(
                Map.of("filecleanup.retry.attempts", "0"), "/etc/cleanup.properties", Map.of(), Map.of()))
                .getMessage());
        assertEquals("filecleanup.retry.delay is 'soon' (from the properties file); expected a duration such as "
                + "250ms, 5s, 2m or PT0.5S", mistake(Map.of("filecleanup.retry.delay", "soon"), Map.of(), Map.of()));
        // The environment's value is invalid, but the system property hides it.
        AgentConfig config = AgentConfig.from(Map.of(), Map.of("filecleanup.dryRun", "true"),
                Map.of("FILECLEANUP_DRYRUN", "maybe"));
        assertTrue(config.dryRun());
    }

    /** One start names every mistake at once, not only the first, and the unknown keys after them. */
    @Test
    void everyMistakeIsNamedAtOnce() {
        InvalidConfigurationException mistakes = assertThrows(InvalidConfigurationException.class,
                () -> AgentConfig.from(Map.of(), Map.of("filecleanup.roots", "/", "filecleanup.dryRun", "maybe",
                        "filecleanup.queue.capacity", "lots", "filecleanup.dryrun", "true"), Map.of()));
        assertEquals(List.of("storage root / (from -Dfilecleanup.roots) is the root of the file system",
                "filecleanup.dryRun is 'maybe' (from -Dfilecleanup.dryRun); expected true or false",
                "filecleanup.queue.capacity is 'lots' (from -Dfilecleanup.queue.capacity); expected a whole number, "
                        + "1 or more",
                "unknown setting -Dfilecleanup.dryrun is ignored (did you mean filecleanup.dryRun?)"),
                mistakes.problems());
    }

    @Test
    void unknownKeysAreNamedWithTheirSourceAndTheClosestKnownKey() {
        AgentConfig config = AgentConfig.from(
                Map.of("filecleanup.dryRunn", "true", "roots", "x", "color", "blue"), "/etc/cleanup.properties",
                Map.of("filecleanup.root", fromSystem.toString(), "filecleanup.journal.replaydelay", "1s",
                        "filecleanup.somethingElse", "1", "user.home", temp.toString(), "other.key", "1"),
                Map.of("FILECLEANUP_ROOT", "/x", "FILECLEANUP_JOURNAL_REPLAY_DELAY", "1s", "filecleanup.roots", "/x",
                        "HOME", "/root", "PATH", "/bin"));
        assertEquals(List.of(
                "unknown setting -Dfilecleanup.journal.replaydelay is ignored (did you mean "
                        + "filecleanup.journal.replayDelay?)",
                "unknown setting -Dfilecleanup.root is ignored (did you mean filecleanup.roots?)",
                "unknown setting -Dfilecleanup.somethingElse is ignored",
                "unknown setting FILECLEANUP_JOURNAL_REPLAY_DELAY in the environment is ignored (did you mean "
                        + "FILECLEANUP_JOURNAL_REPLAYDELAY?)",
                "unknown setting FILECLEANUP_ROOT in the environment is ignored (did you mean FILECLEANUP_ROOTS?)",
                "unknown setting filecleanup.roots in the environment is ignored (did you mean FILECLEANUP_ROOTS?)",
                "unknown setting color in /etc/cleanup.properties is ignored",
                "unknown setting filecleanup.dryRunn in /etc/cleanup.properties is ignored (did you mean "
                        + "filecleanup.dryRun?)",
                "unknown setting roots in /etc/cleanup.properties is ignored (did you mean filecleanup.roots?)"),
                config.unknownKeys());
        // Unknown keys are warnings: the rest of the configuration still holds, and roots stay unset.
        assertEquals(List.of(), config.roots());
    }

    @Test
    void everyKnownKeyIsQuietInEverySource() {
        Map<String, String> keys = new java.util.HashMap<>();
        Map<String, String> environment = new java.util.HashMap<>();
        for (ConfigOption option : ConfigOption.values()) {
            keys.put(option.key(), option.defaultValue());
            environment.put(option.environmentName(), option.defaultValue());
        }
        assertEquals(List.of(), AgentConfig.from(keys, keys, environment).unknownKeys());
    }

    @Test
    void theClosestKeyIsASmallEditAway() {
        assertEquals(0, ConfigSources.distance("roots", "roots"));
        assertEquals(1, ConfigSources.distance("root", "roots"));
        assertEquals(2, ConfigSources.distance("logLvl", "logLevel"));
        assertEquals(3, ConfigSources.distance("kitten", "sitting"));
    }

    @Test
    void aPropertiesFileThatCannotBeReadIsNamedWithTheReason() throws Exception {
        Path missing = temp.resolve("missing.properties");
        InvalidConfigurationException notThere = assertThrows(InvalidConfigurationException.class,
                () -> AgentConfig.load(missing.toString(), new Properties(), Map.of()));
        assertEquals("the properties file " + missing + " named by the agent argument does not exist",
                notThere.getMessage());
        InvalidConfigurationException folder = assertThrows(InvalidConfigurationException.class,
                () -> AgentConfig.load(temp.toString(), new Properties(), Map.of()));
        assertEquals("the properties file " + temp + " named by the agent argument is a directory",
                folder.getMessage());
        Path broken = Files.writeString(temp.resolve("broken.properties"), "filecleanup.roots=\\u12");
        assertTrue(assertThrows(InvalidConfigurationException.class,
                () -> AgentConfig.load(broken.toString(), new Properties(), Map.of())).getMessage()
                .startsWith("the properties file " + broken + " named by the agent argument is not a properties "
                        + "file: "));
    }

    private static String mistake(Map<String, String> file, Map<String, String> system,
                                  Map<String, String> environment) {
        return assertThrows(InvalidConfigurationException.class, () -> AgentConfig.from(file, system, environment))
                .getMessage();
    }

    @Test
    void theLogGoesToStderrByDefaultToTheApplicationOrNowhere() {
        assertEquals("stderr", AgentConfig.from(Map.of(), Map.of(), Map.of()).log());
        assertEquals("application",
                AgentConfig.from(Map.of(), Map.of(), Map.of("FILECLEANUP_LOG", "Application")).log());
        assertEquals("none", AgentConfig.from(Map.of("filecleanup.log", "none"), Map.of(), Map.of()).log());
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> AgentConfig.from(Map.of(), Map.of("filecleanup.log", "logback"), Map.of()));
        assertEquals("filecleanup.log is 'logback' (from -Dfilecleanup.log); expected stderr, application, none",
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
        assertEquals(List.of(), config.unknownKeys());
        assertEquals("[Legacy.*]", config.excludes().toString());
        assertTrue(config.dryRun());
    }
}
