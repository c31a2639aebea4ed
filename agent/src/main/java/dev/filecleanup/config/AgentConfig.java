package dev.filecleanup.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The agent's whole configuration, parsed once into final fields. Loaded from plain maps so that tests never
 * touch system properties or the environment. Precedence: system property, then environment variable, then
 * the properties file named by the agent argument, then the default.
 */
public final class AgentConfig {
    private final boolean enabled;
    private final List<Path> roots;
    private final List<Selector> attributes;
    private final List<Selector> excludes;
    private final boolean dryRun;
    private final Duration shutdownTimeout;
    private final String logLevel;
    private final String log;
    private final JournalSetting journal;
    private final Duration replayDelay;
    private final String journalTable;
    private final boolean createJournalTable;
    private final Duration journalLease;
    private final Duration journalPoll;
    private final int retryAttempts;
    private final Duration retryDelay;
    private final int queueCapacity;
    private final Duration rollbackCleanup;
    private final Path weaveCache;
    private final boolean jmx;
    private final boolean micrometer;
    private final SweepSetting sweep;
    private final List<String> warnings;
    private final List<String> unknownKeys;

    /** Parses every setting; {@code problems} may already hold one (the properties file could not be read). */
    private AgentConfig(ConfigSources sources, List<String> problems) {
        ConfigParser parse = new ConfigParser(sources, problems);
        this.enabled = parse.bool(ConfigOption.ENABLED);
        this.roots = parse.roots(parse.bool(ConfigOption.ALLOW_MISSING_ROOTS));
        this.warnings = RootRules.overlaps(roots);
        this.attributes = parse.selectors(ConfigOption.ATTRIBUTES);
        this.excludes = parse.selectors(ConfigOption.EXCLUDE);
        this.dryRun = parse.bool(ConfigOption.DRY_RUN);
        this.shutdownTimeout = parse.seconds(ConfigOption.SHUTDOWN_TIMEOUT);
        this.logLevel = parse.oneOf(ConfigOption.LOG_LEVEL, List.of("error", "warn", "info", "debug", "trace", "off"));
        this.log = parse.oneOf(ConfigOption.LOG, List.of("stderr", "application", "none"));
        Path home = Path.of(sources.userHome()).toAbsolutePath();
        this.journal = parse.journal(roots, home);
        this.replayDelay = parse.duration(ConfigOption.JOURNAL_REPLAY_DELAY);
        this.journalTable = parse.tableName(ConfigOption.JOURNAL_TABLE);
        this.createJournalTable = parse.bool(ConfigOption.JOURNAL_CREATE_TABLE);
        this.journalLease = parse.duration(ConfigOption.JOURNAL_LEASE);
        this.journalPoll = parse.duration(ConfigOption.JOURNAL_POLL_INTERVAL);
        this.retryAttempts = parse.count(ConfigOption.RETRY_ATTEMPTS);
        this.retryDelay = parse.duration(ConfigOption.RETRY_DELAY);
        this.queueCapacity = parse.count(ConfigOption.QUEUE_CAPACITY);
        this.rollbackCleanup = parse.durationOrOff(ConfigOption.ROLLBACK_CLEANUP);
        Path woven = home.resolve(JournalSetting.AUTO_FOLDER).resolve("woven");
        this.weaveCache = parse.bool(ConfigOption.WEAVE_CACHE) && !JournalSetting.inside(woven, roots)
                ? woven : null;
        this.jmx = parse.bool(ConfigOption.JMX);
        this.micrometer = parse.bool(ConfigOption.MICROMETER);
        this.sweep = SweepSetting.parse(parse, roots, home);
        this.unknownKeys = sources.unknownKeys();
        if (!problems.isEmpty()) {
            // The unknown keys too: a misspelt key may be why a value is missing or another one is wrong.
            problems.addAll(unknownKeys);
            throw new InvalidConfigurationException(problems);
        }
    }

    /**
     * Loads the configuration of a starting JVM: {@code agentArgs} is the optional path of a properties file.
     *
     * @throws InvalidConfigurationException naming every mistake and where it came from
     */
    public static AgentConfig load(String agentArgs, Properties systemProperties, Map<String, String> environment) {
        Properties file = new Properties();
        String fileName = null;
        List<String> problems = new ArrayList<>();
        if (agentArgs != null && !agentArgs.isBlank()) {
            fileName = agentArgs.trim();
            String problem;
            try {
                Path path = Path.of(fileName).toAbsolutePath();
                fileName = path.toString();
                problem = read(path, file);
            } catch (InvalidPathException e) {
                problem = "is not a path";
            }
            if (problem != null) {
                problems.add("the properties file " + fileName + " named by the agent argument " + problem);
            }
        }
        return new AgentConfig(new ConfigSources(asMap(file), fileName, asMap(systemProperties), environment),
                problems);
    }

    /** Null when the file was read into {@code into}, or why it could not be. */
    private static String read(Path path, Properties into) {
        try (InputStream in = Files.newInputStream(path)) {
            into.load(in);
            return null;
        } catch (NoSuchFileException e) {
            return "does not exist";
        } catch (AccessDeniedException e) {
            return "cannot be read: permission denied";
        } catch (IOException e) {
            return Files.isDirectory(path) ? "is a directory" : "cannot be read: " + e.getMessage();
        } catch (IllegalArgumentException e) {
            return "is not a properties file: " + e.getMessage();
        }
    }

    /** The configuration from maps, as {@link #load} reads them; messages call {@code file} "the properties file". */
    public static AgentConfig from(Map<String, String> file, Map<String, String> system,
                                   Map<String, String> environment) {
        return from(file, null, system, environment);
    }

    /** {@code fileName} names the properties file in messages. */
    static AgentConfig from(Map<String, String> file, String fileName, Map<String, String> system,
                            Map<String, String> environment) {
        return new AgentConfig(new ConfigSources(file, fileName, system, environment), new ArrayList<>());
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean dryRun() {
        return dryRun;
    }

    /** Absolute and normalised, in the configured order: relative values resolve against the first. */
    public List<Path> roots() {
        return roots;
    }

    public List<Selector> attributes() {
        return attributes;
    }

    public List<Selector> excludes() {
        return excludes;
    }

    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    public String logLevel() {
        return logLevel;
    }

    /** Where the agent's lines go: {@code stderr}, {@code application} (the application's SLF4J) or {@code none}. */
    public String log() {
        return log;
    }

    /** Where released values wait, durable, between the commit that releases them and their deletion. */
    public JournalSetting journal() {
        return journal;
    }

    /** The table journal's table, in each SessionFactory's database. */
    public String journalTable() {
        return journalTable;
    }

    /** Whether the table journal creates its table where it is missing. */
    public boolean createJournalTable() {
        return createJournalTable;
    }

    /** How long a node may hold table journal rows it claimed by lease before another node may take them. */
    public Duration journalLease() {
        return journalLease;
    }

    /** How often each node drains the table journal of what other nodes left, besides after its own commits. */
    public Duration journalPoll() {
        return journalPoll;
    }

    /** How long after the last SessionFactory is built the entries of an earlier run are replayed. */
    public Duration replayDelay() {
        return replayDelay;
    }

    /** Attempts at deleting one file before it is reported as failed; 1 means no retry. */
    public int retryAttempts() {
        return retryAttempts;
    }

    /** The pause after the first failed attempt, doubled after each further one. */
    public Duration retryDelay() {
        return retryDelay;
    }

    /** Released files held in memory at most, waiting for their deletion. */
    public int queueCapacity() {
        return queueCapacity;
    }

    /** Where the advised classes are kept as woven, for later starts; null when they are not kept. */
    /**
     * How long after a rollback the files its inserts and updates wrote are checked, and deleted if no row names
     * them; null when off (the default).
     */
    public Duration rollbackCleanup() {
        return rollbackCleanup;
    }

    public Path weaveCache() {
        return weaveCache;
    }

    /** Whether the MBean {@code dev.filecleanup:type=FileCleanup} is registered. */
    public boolean jmx() {
        return jmx;
    }

    /** Whether the counters are registered as meters in the application's Micrometer, when it has one. */
    public boolean micrometer() {
        return micrometer;
    }

    /** The orphan sweep: its mode, when it runs, what it skips and how fast it goes. */
    public SweepSetting sweep() {
        return sweep;
    }

    /** What is legal but worth saying once at startup, such as roots nested in one another. */
    public List<String> warnings() {
        return warnings;
    }

    /** Keys that look meant for the agent but name no setting, one warning each, with the closest known key. */
    public List<String> unknownKeys() {
        return unknownKeys;
    }

    private static Map<String, String> asMap(Properties properties) {
        Map<String, String> map = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        return map;
    }
}
