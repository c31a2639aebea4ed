package dev.filecleanup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's own log: the relocated slf4j-simple writing to stderr, never the host's logging setup.
 * Its settings live under the relocated package name, so they cannot clash with the host's slf4j-simple.
 */
public final class Log {
    private static final String SIMPLE_LOGGER = LoggerFactory.class.getPackageName() + ".simpleLogger.";

    private Log() {
    }

    /** Must run before the first log call: slf4j-simple reads its settings once. */
    static void configure(String level) {
        setIfAbsent("defaultLogLevel", level);
        setIfAbsent("logFile", "System.err");
        setIfAbsent("showThreadName", "false");
        setIfAbsent("showDateTime", "true");
        setIfAbsent("dateTimeFormat", "HH:mm:ss.SSS");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(SIMPLE_LOGGER + key) == null) {
            System.setProperty(SIMPLE_LOGGER + key, value);
        }
    }

    private static final class Holder {
        static final Logger LOGGER = LoggerFactory.getLogger("file-cleanup");
    }

    public static void debug(String format, Object... args) {
        Holder.LOGGER.debug(format, args);
    }

    public static void info(String format, Object... args) {
        Holder.LOGGER.info(format, args);
    }

    public static void warn(String format, Object... args) {
        Holder.LOGGER.warn(format, args);
    }

    public static void error(String format, Object... args) {
        Holder.LOGGER.error(format, args);
    }
}
