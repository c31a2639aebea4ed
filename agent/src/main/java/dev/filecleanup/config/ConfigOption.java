package dev.filecleanup.config;

import java.util.Locale;

/**
 * Every setting the agent reads; the README's configuration table describes each one and a test checks that the
 * table lists exactly these keys, environment names and defaults.
 */
enum ConfigOption {
    ENABLED("enabled", "true"),
    ROOTS("roots", ""),
    ALLOW_MISSING_ROOTS("allowMissingRoots", "false"),
    ATTRIBUTES("attributes", ""),
    EXCLUDE("exclude", ""),
    DRY_RUN("dryRun", "false"),
    SHUTDOWN_TIMEOUT("shutdownTimeout", "10"),
    JOURNAL("journal", "auto"),
    JOURNAL_REPLAY_DELAY("journal.replayDelay", "5s"),
    JOURNAL_TABLE("journal.table", "file_cleanup_pending"),
    JOURNAL_CREATE_TABLE("journal.createTable", "false"),
    JOURNAL_LEASE("journal.lease", "2m"),
    JOURNAL_POLL_INTERVAL("journal.pollInterval", "30s"),
    RETRY_ATTEMPTS("retry.attempts", "3"),
    RETRY_DELAY("retry.delay", "100ms"),
    QUEUE_CAPACITY("queue.capacity", "100000"),
    SWEEP("sweep", "off"),
    SWEEP_AT("sweep.at", "startup"),
    SWEEP_EVERY("sweep.every", ""),
    SWEEP_MIN_AGE("sweep.minAge", "PT24H"),
    SWEEP_EXCLUDE("sweep.exclude", ""),
    SWEEP_RATE("sweep.rate", "1000"),
    SWEEP_FORCE("sweep.force", "false"),
    SWEEP_REPORTS("sweep.reports", ""),
    ROLLBACK_CLEANUP("rollbackCleanup", "off"),
    WEAVE_CACHE("weaveCache", "true"),
    JMX("jmx", "true"),
    MICROMETER("micrometer", "true"),
    LOG_LEVEL("logLevel", "info"),
    LOG("log", "stderr");

    static final String PREFIX = "filecleanup.";

    private final String name;
    private final String defaultValue;

    ConfigOption(String name, String defaultValue) {
        this.name = name;
        this.defaultValue = defaultValue;
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
}
