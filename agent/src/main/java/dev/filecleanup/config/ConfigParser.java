package dev.filecleanup.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns each setting's text into its value. A mistake does not stop the parse: it is added to the problems,
 * naming the setting and where its value came from, and a harmless value stands in, so that one start reports
 * every mistake at once.
 */
final class ConfigParser {

    private final ConfigSources sources;
    private final List<String> problems;

    ConfigParser(ConfigSources sources, List<String> problems) {
        this.sources = sources;
        this.problems = problems;
    }

    boolean bool(ConfigOption option) {
        String raw = sources.value(option);
        if ("true".equalsIgnoreCase(raw)) {
            return true;
        }
        if ("false".equalsIgnoreCase(raw)) {
            return false;
        }
        invalid(option, "true or false");
        return Boolean.parseBoolean(option.defaultValue());
    }

    Duration seconds(ConfigOption option) {
        String raw = sources.value(option);
        try {
            long seconds = Long.parseLong(raw);
            if (seconds >= 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        invalid(option, "a number of seconds, 0 or more");
        return Duration.ZERO;
    }

    int count(ConfigOption option) {
        String raw = sources.value(option);
        try {
            int count = Integer.parseInt(raw);
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        invalid(option, "a whole number, 1 or more");
        return 1;
    }

    /** {@code 250ms}, {@code 5s}, {@code 2m}, or ISO-8601 such as {@code PT0.5S}. */
    Duration duration(ConfigOption option) {
        String raw = sources.value(option);
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
        invalid(option, "a duration such as 250ms, 5s, 2m or PT0.5S"
                + (option == ConfigOption.ROLLBACK_CLEANUP ? ", or off" : ""));
        return Duration.ZERO;
    }

    /** {@link #duration}, or null for {@code off} or an empty value. */
    Duration durationOrOff(ConfigOption option) {
        String raw = sources.value(option).trim();
        return raw.isEmpty() || "off".equalsIgnoreCase(raw) ? null : duration(option);
    }

    /** The value, lower-cased, when it is one of {@code allowed}; else the mistake is recorded and the default used. */
    String oneOf(ConfigOption option, List<String> allowed) {
        String value = sources.value(option).trim().toLowerCase(Locale.ROOT);
        if (allowed.contains(value)) {
            return value;
        }
        invalid(option, String.join(", ", allowed));
        return option.defaultValue();
    }

    List<Selector> selectors(ConfigOption option) {
        try {
            return Selector.parseList(sources.value(option));
        } catch (IllegalArgumentException e) {
            problems.add(option.key() + " (from " + sources.source(option) + "): " + e.getMessage());
            return List.of();
        }
    }

    JournalSetting journal(List<Path> roots, Path home) {
        JournalSetting journal;
        try {
            journal = JournalSetting.parse(sources.value(ConfigOption.JOURNAL), roots, home);
        } catch (IllegalArgumentException e) {
            problems.add(ConfigOption.JOURNAL.key() + " (from " + sources.source(ConfigOption.JOURNAL) + "): "
                    + e.getMessage());
            return null;
        }
        if (journal == null) {
            invalid(ConfigOption.JOURNAL, "auto, none, table, or file:<directory> outside the storage roots");
        }
        return journal;
    }

    /** Every root that is refused is named with its reason and its source. */
    List<Path> roots(boolean allowMissing) {
        List<Path> roots = new ArrayList<>();
        String from = " (from " + sources.source(ConfigOption.ROOTS) + ") ";
        for (String part : sources.value(ConfigOption.ROOTS).split(",")) {
            if (!part.isBlank()) {
                Path root;
                try {
                    root = Path.of(part.trim());
                } catch (InvalidPathException e) {
                    problems.add("storage root '" + part.trim() + "'" + from + "is not a path");
                    continue;
                }
                String refusal = RootRules.refusal(root, allowMissing);
                if (refusal == null) {
                    roots.add(root.normalize());
                } else {
                    problems.add("storage root " + root + from + refusal);
                }
            }
        }
        return List.copyOf(roots);
    }

    /** The setting's text, trimmed, for a parse that lives beside its own setting (such as the sweep's). */
    String text(ConfigOption option) {
        return sources.value(option);
    }

    /** {@code filecleanup.dryRun is 'maybe' (from -Dfilecleanup.dryRun); expected true or false}. */
    void invalid(ConfigOption option, String expected) {
        problems.add(option.key() + " is '" + sources.value(option) + "' (from " + sources.source(option)
                + "); expected " + expected);
    }

    /** {@code name} or {@code schema.name}, each an SQL identifier that needs no quotes. */
    String tableName(ConfigOption option) {
        String text = sources.value(option);
        if (!identifiers(text)) {
            invalid(option, "a table name, optionally schema-qualified");
        }
        return text;
    }

    private static boolean identifiers(String text) {
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
}
