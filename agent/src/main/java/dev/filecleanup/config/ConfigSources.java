package dev.filecleanup.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The three places a setting may come from, in order of precedence: system properties, environment variables and
 * the properties file named by the agent argument. It says where each value came from, so that a message about a
 * value can name its source, and which keys in our namespace the agent does not know, with the closest known key.
 * Runs in {@code premain}: plain loops, no lambda, stream or regular expression.
 */
final class ConfigSources {
    private static final String ENVIRONMENT_PREFIX = "FILECLEANUP_";

    private final Map<String, String> file;
    private final String fileName;
    private final Map<String, String> system;
    private final Map<String, String> environment;

    /** {@code fileName} names the properties file in messages; null when there is none. */
    ConfigSources(Map<String, String> file, String fileName, Map<String, String> system,
                  Map<String, String> environment) {
        this.file = file;
        this.fileName = fileName == null ? "the properties file" : fileName;
        this.system = system;
        this.environment = environment;
    }

    /** The value that wins, trimmed, or the default. */
    String value(ConfigOption option) {
        String value = system.get(option.key());
        if (value == null) {
            value = environment.get(option.environmentName());
        }
        if (value == null) {
            value = file.get(option.key());
        }
        return value == null ? option.defaultValue() : value.trim();
    }

    /** Where {@link #value} came from, as a message names it: {@code -Dfilecleanup.dryRun}, for example. */
    String source(ConfigOption option) {
        if (system.get(option.key()) != null) {
            return "-D" + option.key();
        }
        if (environment.get(option.environmentName()) != null) {
            return "the environment variable " + option.environmentName();
        }
        if (file.get(option.key()) != null) {
            return fileName;
        }
        return "the default";
    }

    String userHome() {
        return system.getOrDefault("user.home", ".");
    }

    /**
     * One warning per key that looks meant for the agent but names no setting: system properties starting with
     * {@code filecleanup.}, environment variables starting with {@code FILECLEANUP_}, and every key of the file,
     * which is the agent's alone. Sorted within each source, so that the same mistakes always read the same.
     */
    List<String> unknownKeys() {
        List<String> warnings = new ArrayList<>();
        for (String key : sorted(unknown(system, false))) {
            warnings.add("unknown setting -D" + key + " is ignored" + suggestion(key, false));
        }
        for (String name : sorted(unknown(environment, true))) {
            String meant = name.toUpperCase(Locale.ROOT).replace('.', '_');
            warnings.add("unknown setting " + name + " in the environment is ignored" + suggestion(meant, true));
        }
        for (String key : sorted(unknown(file, false))) {
            String meant = key.startsWith(ConfigOption.PREFIX) ? key : ConfigOption.PREFIX + key;
            warnings.add("unknown setting " + key + " in " + fileName + " is ignored" + suggestion(meant, false));
        }
        return warnings;
    }

    /** The keys of {@code source} in our namespace that name no setting; in the file, every key is ours. */
    private List<String> unknown(Map<String, String> source, boolean environmentNames) {
        List<String> unknown = new ArrayList<>();
        for (String key : source.keySet()) {
            if (environmentNames) {
                // FILECLEANUP_ROOTS as filecleanup_roots or filecleanup.roots is still meant for us.
                if (key.regionMatches(true, 0, ENVIRONMENT_PREFIX, 0, ENVIRONMENT_PREFIX.length() - 1)
                        && key.length() >= ENVIRONMENT_PREFIX.length()
                        && (key.charAt(ENVIRONMENT_PREFIX.length() - 1) == '_'
                        || key.charAt(ENVIRONMENT_PREFIX.length() - 1) == '.')
                        && !knownEnvironmentName(key)) {
                    unknown.add(key);
                }
            } else if ((source == file || key.startsWith(ConfigOption.PREFIX)) && !knownKey(key)) {
                unknown.add(key);
            }
        }
        return unknown;
    }

    private static boolean knownKey(String key) {
        for (ConfigOption option : ConfigOption.values()) {
            if (option.key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static boolean knownEnvironmentName(String name) {
        for (ConfigOption option : ConfigOption.values()) {
            if (option.environmentName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** {@code " (did you mean filecleanup.roots?)"} for the closest key, or nothing when no key is close. */
    private static String suggestion(String unknown, boolean environmentName) {
        String closest = null;
        int best = Integer.MAX_VALUE;
        String lower = unknown.toLowerCase(Locale.ROOT);
        for (ConfigOption option : ConfigOption.values()) {
            String candidate = environmentName ? option.environmentName() : option.key();
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < best) {
                best = distance;
                closest = candidate;
            }
        }
        // A third of the part after the prefix, between 1 and 3 edits: close enough to be a slip of the keyboard.
        int limit = Math.max(1, Math.min(3, (unknown.length() - ConfigOption.PREFIX.length()) / 3));
        return closest != null && best <= limit ? " (did you mean " + closest + "?)" : "";
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character each cost one. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static List<String> sorted(List<String> keys) {
        Collections.sort(keys);
        return keys;
    }
}
