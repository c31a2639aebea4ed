package dev.filecleanup;

import java.util.Locale;

/**
 * Every setting the agent reads. The README's configuration table is checked against this enum by a test,
 * so the two cannot drift.
 */
enum ConfigOption {
    ENABLED("enabled", "true", "`false` installs nothing at all."),
    ROOTS("roots", "", "Storage root directories, comma-separated. Relative values resolve against the first root. "
            + "Nothing outside the roots is ever deleted. With no roots the agent installs nothing and says so once."),
    ATTRIBUTES("attributes", "", "Comma-separated selectors `Entity.attribute` naming String attributes that hold file "
            + "paths. `Entity` is the JPA entity name, simple or fully qualified class name; `*` is a wildcard in "
            + "either part (`Document.*Path`, `*.avatar`). `Path` and `File` attributes need no selector."),
    EXCLUDE("exclude", "", "Selectors never treated as file attributes; wins over everything else."),
    DRY_RUN("dryRun", "false", "Log each deletion that would happen; delete nothing."),
    SHUTDOWN_TIMEOUT("shutdownTimeout", "10", "Seconds to wait at JVM exit (and when a SessionFactory closes) for "
            + "pending deletions."),
    LOG_LEVEL("logLevel", "info", "Level of the agent's own log on stderr: `error`, `warn`, `info`, `debug`, `trace`.");

    static final String PREFIX = "filecleanup.";

    private final String name;
    private final String defaultValue;
    private final String description;

    ConfigOption(String name, String defaultValue, String description) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The system property and properties-file key, e.g. {@code filecleanup.dryRun}. */
    String key() {
        return PREFIX + name;
    }

    /** The environment variable, derived mechanically: {@code filecleanup.dryRun} becomes {@code FILECLEANUP_DRYRUN}. */
    String environmentName() {
        return key().replace('.', '_').toUpperCase(Locale.ROOT);
    }

    String defaultValue() {
        return defaultValue;
    }

    String description() {
        return description;
    }
}
