package dev.filecleanup.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The agent's whole configuration, parsed once into final fields. Loaded from plain maps so that tests never
 * touch system properties or the environment. Precedence: system property, then environment variable, then
 * the properties file named by the agent argument, then the default.
 */
public final class AgentConfig {
    private static final List<String> LOG_LEVELS = List.of("error", "warn", "info", "debug", "trace", "off");

    private final boolean enabled;
    private final List<Path> roots;
    private final List<Selector> attributes;
    private final List<Selector> excludes;
    private final boolean dryRun;
    private final Duration shutdownTimeout;
    private final String logLevel;
    private final JournalSetting journal;
    private final Duration replayDelay;
    private final String journalTable;
    private final boolean createJournalTable;
    private final Duration journalLease;
    private final Duration journalPoll;
    private final int retryAttempts;
    private final Duration retryDelay;
    private final int queueCapacity;
    private final Path weaveCache;
    private final boolean jmx;
    private final boolean micrometer;
    private final SweepSetting sweep;
    private final List<String> warnings;

    private AgentConfig(Map<ConfigOption, String> values, Path home) {
        this.enabled = parseBoolean(values, ConfigOption.ENABLED);
        this.roots = parseRoots(values.get(ConfigOption.ROOTS),
                parseBoolean(values, ConfigOption.ALLOW_MISSING_ROOTS));
        this.warnings = RootRules.overlaps(roots);
        this.attributes = Selector.parseList(values.get(ConfigOption.ATTRIBUTES), ConfigOption.ATTRIBUTES.key());
        this.excludes = Selector.parseList(values.get(ConfigOption.EXCLUDE), ConfigOption.EXCLUDE.key());
        this.dryRun = parseBoolean(values, ConfigOption.DRY_RUN);
        this.shutdownTimeout = parseSeconds(values, ConfigOption.SHUTDOWN_TIMEOUT);
        this.logLevel = parseLogLevel(values.get(ConfigOption.LOG_LEVEL));
        this.journal = JournalSetting.parse(values.get(ConfigOption.JOURNAL), roots, home);
        if (journal == null) {
            throw invalid(ConfigOption.JOURNAL, values.get(ConfigOption.JOURNAL),
                    "auto, none, table, or file:<directory> outside the storage roots");
        }
        this.replayDelay = parseDuration(values, ConfigOption.JOURNAL_REPLAY_DELAY);
        this.journalTable = values.get(ConfigOption.JOURNAL_TABLE);
        if (!tableName(journalTable)) {
            throw invalid(ConfigOption.JOURNAL_TABLE, journalTable, "a table name, optionally schema-qualified");
        }
        this.createJournalTable = parseBoolean(values, ConfigOption.JOURNAL_CREATE_TABLE);
        this.journalLease = parseDuration(values, ConfigOption.JOURNAL_LEASE);
        this.journalPoll = parseDuration(values, ConfigOption.JOURNAL_POLL_INTERVAL);
        this.retryAttempts = parseCount(values, ConfigOption.RETRY_ATTEMPTS);
        this.retryDelay = parseDuration(values, ConfigOption.RETRY_DELAY);
        this.queueCapacity = parseCount(values, ConfigOption.QUEUE_CAPACITY);
        Path woven = home.resolve(JournalSetting.AUTO_FOLDER).resolve("woven");
        this.weaveCache = parseBoolean(values, ConfigOption.WEAVE_CACHE) && !JournalSetting.inside(woven, roots)
                ? woven : null;
        this.jmx = parseBoolean(values, ConfigOption.JMX);
        this.micrometer = parseBoolean(values, ConfigOption.MICROMETER);
        this.sweep = SweepSetting.parse(values, values.get(ConfigOption.SWEEP_EVERY).isEmpty() ? null
                : parseDuration(values, ConfigOption.SWEEP_EVERY), parseDuration(values, ConfigOption.SWEEP_MIN_AGE),
                parseCount(values, ConfigOption.SWEEP_RATE), parseBoolean(values, ConfigOption.SWEEP_FORCE), roots,
                home);
    }

    /** Loads the configuration of a starting JVM: {@code agentArgs} is the optional path of a properties file. */
    public static AgentConfig load(String agentArgs, Properties systemProperties, Map<String, String> environment)
            throws IOException {
        Properties file = new Properties();
        if (agentArgs != null && !agentArgs.isBlank()) {
            try (InputStream in = Files.newInputStream(Path.of(agentArgs.trim()))) {
                file.load(in);
            }
        }
        return from(asMap(file), asMap(systemProperties), environment);
    }

    public static AgentConfig from(Map<String, String> file, Map<String, String> system,
                                   Map<String, String> environment) {
        Map<ConfigOption, String> values = new EnumMap<>(ConfigOption.class);
        for (ConfigOption option : ConfigOption.values()) {
            String value = system.get(option.key());
            if (value == null) {
                value = environment.get(option.environmentName());
            }
            if (value == null) {
                value = file.get(option.key());
            }
            values.put(option, value == null ? option.defaultValue() : value.trim());
        }
        return new AgentConfig(values, Path.of(system.getOrDefault("user.home", ".")).toAbsolutePath());
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

    private static boolean parseBoolean(Map<ConfigOption, String> values, ConfigOption option) {
        String raw = values.get(option);
        if ("true".equalsIgnoreCase(raw)) {
            return true;
        }
        if ("false".equalsIgnoreCase(raw)) {
            return false;
        }
        throw invalid(option, raw, "true or false");
    }

    private static Duration parseSeconds(Map<ConfigOption, String> values, ConfigOption option) {
        String raw = values.get(option);
        try {
            long seconds = Long.parseLong(raw);
            if (seconds >= 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid(option, raw, "a number of seconds, 0 or more");
    }

    private static int parseCount(Map<ConfigOption, String> values, ConfigOption option) {
        String raw = values.get(option);
        try {
            int count = Integer.parseInt(raw);
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid(option, raw, "a whole number, 1 or more");
    }

    /** {@code 250ms}, {@code 5s}, {@code 2m}, or ISO-8601 such as {@code PT0.5S}. */
    private static Duration parseDuration(Map<ConfigOption, String> values, ConfigOption option) {
        String raw = values.get(option);
        try {
            Duration duration;
            String lower = raw.toLowerCase(Locale.ROOT);
            if (lower.startsWith("pt")) {
                duration = Duration.parse(raw);
            } else if (lower.endsWith("ms")) {
                duration = Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2)));
            } else if (lower.endsWith("s")) {
                duration = Duration.ofSeconds(Long.parseLong(lower.substring(0, lower.length() - 1)));
            } else if (lower.endsWith("m")) {
                duration = Duration.ofMinutes(Long.parseLong(lower.substring(0, lower.length() - 1)));
            } else {
                duration = null;
            }
            if (duration != null && !duration.isNegative()) {
                return duration;
            }
        } catch (RuntimeException ignored) {
            // reported below
        }
        throw invalid(option, raw, "a duration such as 250ms, 5s, 2m or PT0.5S");
    }

    private static String parseLogLevel(String raw) {
        String level = raw.toLowerCase(Locale.ROOT);
        if (LOG_LEVELS.contains(level)) {
            return level;
        }
        throw invalid(ConfigOption.LOG_LEVEL, raw, String.join(", ", LOG_LEVELS));
    }

    /** Every root that is refused is named with its reason, and then nothing is installed. */
    private static List<Path> parseRoots(String raw, boolean allowMissing) {
        List<Path> roots = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (String part : raw.split(",")) {
            if (!part.isBlank()) {
                Path root;
                try {
                    root = Path.of(part.trim());
                } catch (InvalidPathException e) {
                    refusals.add("'" + part.trim() + "' is not a path");
                    continue;
                }
                String refusal = RootRules.refusal(root, allowMissing);
                if (refusal == null) {
                    roots.add(root.normalize());
                } else {
                    refusals.add(root + " " + refusal);
                }
            }
        }
        if (!refusals.isEmpty()) {
            throw new IllegalArgumentException(ConfigOption.ROOTS.key() + " (or " + ConfigOption.ROOTS.environmentName()
                    + "): storage root " + String.join("; storage root ", refusals));
        }
        return List.copyOf(roots);
    }

    static IllegalArgumentException invalid(ConfigOption option, String value, String expected) {
        return new IllegalArgumentException(
                option.key() + " (or " + option.environmentName() + ") is '" + value + "'; expected " + expected);
    }

    /** {@code name} or {@code schema.name}, each an SQL identifier that needs no quotes. */
    private static boolean tableName(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length > 2) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || !(part.charAt(0) == '_' || isAsciiLetter(part.charAt(0)))) {
                return false;
            }
            for (int i = 1; i < part.length(); i++) {
                char c = part.charAt(i);
                if (!(c == '_' || isAsciiLetter(c) || c >= '0' && c <= '9')) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static Map<String, String> asMap(Properties properties) {
        Map<String, String> map = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        return map;
    }
}
