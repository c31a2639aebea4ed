package dev.filecleanup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The agent's whole configuration, immutable. Loaded from plain maps so that tests never touch system properties
 * or the environment. Precedence: system property, then environment variable, then the properties file named by
 * the agent argument, then the default.
 */
final class AgentConfig {
    private final Map<ConfigOption, String> values;
    private final List<Path> roots;
    private final List<Selector> attributes;
    private final List<Selector> excludes;

    private AgentConfig(Map<ConfigOption, String> values) {
        this.values = values;
        this.roots = parseRoots(values.get(ConfigOption.ROOTS));
        this.attributes = Selector.parseList(values.get(ConfigOption.ATTRIBUTES), ConfigOption.ATTRIBUTES.key());
        this.excludes = Selector.parseList(values.get(ConfigOption.EXCLUDE), ConfigOption.EXCLUDE.key());
        parseBoolean(ConfigOption.ENABLED);
        parseBoolean(ConfigOption.DRY_RUN);
        shutdownTimeout();
        logLevel();
    }

    /** Loads the configuration of a starting JVM: {@code agentArgs} is the optional path of a properties file. */
    static AgentConfig load(String agentArgs, Properties systemProperties, Map<String, String> environment)
            throws IOException {
        Properties file = new Properties();
        if (agentArgs != null && !agentArgs.isBlank()) {
            try (InputStream in = Files.newInputStream(Path.of(agentArgs.trim()))) {
                file.load(in);
            }
        }
        return from(asMap(file), asMap(systemProperties), environment);
    }

    static AgentConfig from(Map<String, String> file, Map<String, String> system, Map<String, String> environment) {
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
        return new AgentConfig(values);
    }

    boolean enabled() {
        return parseBoolean(ConfigOption.ENABLED);
    }

    boolean dryRun() {
        return parseBoolean(ConfigOption.DRY_RUN);
    }

    List<Path> roots() {
        return roots;
    }

    List<Selector> attributes() {
        return attributes;
    }

    List<Selector> excludes() {
        return excludes;
    }

    Duration shutdownTimeout() {
        String raw = values.get(ConfigOption.SHUTDOWN_TIMEOUT);
        try {
            long seconds = Long.parseLong(raw);
            if (seconds >= 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid(ConfigOption.SHUTDOWN_TIMEOUT, raw, "a number of seconds, 0 or more");
    }

    String logLevel() {
        String level = values.get(ConfigOption.LOG_LEVEL).toLowerCase(Locale.ROOT);
        if (List.of("error", "warn", "info", "debug", "trace", "off").contains(level)) {
            return level;
        }
        throw invalid(ConfigOption.LOG_LEVEL, level, "error, warn, info, debug, trace or off");
    }

    private boolean parseBoolean(ConfigOption option) {
        String raw = values.get(option);
        if ("true".equalsIgnoreCase(raw)) {
            return true;
        }
        if ("false".equalsIgnoreCase(raw)) {
            return false;
        }
        throw invalid(option, raw, "true or false");
    }

    private static List<Path> parseRoots(String raw) {
        List<Path> roots = new ArrayList<>();
        for (String part : raw.split(",")) {
            if (!part.isBlank()) {
                roots.add(Path.of(part.trim()).toAbsolutePath().normalize());
            }
        }
        return List.copyOf(roots);
    }

    private static IllegalArgumentException invalid(ConfigOption option, String value, String expected) {
        return new IllegalArgumentException(
                option.key() + " (or " + option.environmentName() + ") is '" + value + "'; expected " + expected);
    }

    private static Map<String, String> asMap(Properties properties) {
        Map<String, String> map = new java.util.HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        return map;
    }
}
