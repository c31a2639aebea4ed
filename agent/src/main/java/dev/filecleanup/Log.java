package dev.filecleanup;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's log. {@code filecleanup.logLevel} filters first, then {@code filecleanup.log} chooses where a line
 * goes: {@code stderr}, the relocated slf4j-simple, logger {@code file-cleanup}; {@code application}, the
 * application's own SLF4J, logger {@code dev.filecleanup} ({@link ApplicationLog}); {@code none}, nowhere.
 * With {@code application}, lines logged before the agent starts, which is when it learns the class loader of
 * Hibernate and so of the application's SLF4J, are held here (at most {@link #HELD_LINES}) and handed over then;
 * when there is none to hand them to, they go to stderr, at the latest at exit. No line is lost.
 * The premain path uses plain classes only: no lambda, no String.format.
 */
public final class Log {
    static final int ERROR = 0;
    static final int WARN = 1;
    static final int INFO = 2;
    static final int DEBUG = 3;
    static final int HELD_LINES = 1000;

    private static final String SIMPLE_LOGGER = LoggerFactory.class.getPackageName() + ".simpleLogger.";
    private static final Object LOCK = new Object();

    /** Unconfigured (unit tests): everything goes to slf4j-simple, which filters at its default level. */
    private static volatile int threshold = DEBUG;
    private static volatile boolean none;
    private static volatile ApplicationLog application;
    /** Lines waiting for the application's logging; null when none may wait. Guarded by LOCK. */
    private static volatile List<Object[]> held;
    private static boolean exitHook;

    private Log() {
    }

    /** Must run before the first log call: slf4j-simple reads its settings once. */
    static void configure(String level, String mode) {
        threshold = threshold(level);
        none = "none".equals(mode);
        synchronized (LOCK) {
            application = null;
            held = "application".equals(mode) ? new ArrayList<>() : null;
        }
        if (none) {
            return;
        }
        setIfAbsent("defaultLogLevel", level);
        setIfAbsent("logFile", "System.err");
        setIfAbsent("showThreadName", "false");
        setIfAbsent("showDateTime", "true");
        setIfAbsent("dateTimeFormat", "HH:mm:ss.SSS");
    }

    private static int threshold(String level) {
        switch (level) {
            case "off":
                return -1;
            case "error":
                return ERROR;
            case "warn":
                return WARN;
            case "info":
                return INFO;
            default:
                return DEBUG;
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(SIMPLE_LOGGER + key) == null) {
            System.setProperty(SIMPLE_LOGGER + key, value);
        }
    }

    /**
     * With {@code filecleanup.log=application}: from now on, lines go to the SLF4J that {@code loader} sees, the
     * held ones first. Without one (no SLF4J, or no provider), they go to stderr, and that is said once.
     */
    static void useApplicationOf(ClassLoader loader) {
        if (held == null) {
            return;
        }
        ApplicationLog found = null;
        String missing = null;
        try {
            found = ApplicationLog.of(loader);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            missing = e.toString();
        }
        handOver(found);
        if (found == null) {
            stderr(WARN, "filecleanup.log=application, but the application has no SLF4J logging in {} ({}): "
                    + "the agent logs to stderr", new Object[] {loader, missing});
        }
    }

    /** No application's logging will be looked for (nothing installed, or the JVM exits): held lines to stderr. */
    static void noApplication() {
        handOver(null);
    }

    /** Writes the held lines to {@code target} (stderr when null), then routes every later line there. */
    private static void handOver(ApplicationLog target) {
        synchronized (LOCK) {
            List<Object[]> lines = held;
            if (lines == null) {
                return;
            }
            // By index: writing a line may log another one on this thread, which is then held too.
            for (int i = 0; i < lines.size(); i++) {
                Object[] line = lines.get(i);
                write(target, (Integer) line[0], (String) line[1], (Object[]) line[2]);
            }
            application = target;
            held = null;
        }
    }

    /**
     * Why nothing is installed: logged as an error, and written to stderr even with {@code filecleanup.log=none},
     * so that a setting that switches the agent off never goes unnoticed.
     */
    static void notInstalled(String format, Object... args) {
        if (none && threshold >= ERROR) {
            stderr(ERROR, format, args);
        } else {
            log(ERROR, format, args);
        }
    }

    public static void debug(String format, Object... args) {
        log(DEBUG, format, args);
    }

    public static void info(String format, Object... args) {
        log(INFO, format, args);
    }

    public static void warn(String format, Object... args) {
        log(WARN, format, args);
    }

    public static void error(String format, Object... args) {
        log(ERROR, format, args);
    }

    private static void log(int level, String format, Object[] args) {
        if (level > threshold || none) {
            return;
        }
        if (held != null) {
            synchronized (LOCK) {
                List<Object[]> lines = held;
                if (lines != null && lines.size() < HELD_LINES) {
                    lines.add(new Object[] {level, format, args});
                    if (!exitHook) {
                        exitHook = true;
                        addExitHook();
                    }
                    return;
                }
            }
        }
        write(application, level, format, args);
    }

    private static void write(ApplicationLog target, int level, String format, Object[] args) {
        if (target == null || !target.write(level, format, args)) {
            stderr(level, format, args);
        }
    }

    /** Held lines that nothing took over by exit go to stderr then. */
    private static void addExitHook() {
        Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
            @Override
            public void run() {
                noApplication();
            }
        }, "file-cleanup-log"));
    }

    private static void stderr(int level, String format, Object[] args) {
        Logger logger = Holder.LOGGER;
        switch (level) {
            case ERROR:
                logger.error(format, args);
                break;
            case WARN:
                logger.warn(format, args);
                break;
            case INFO:
                logger.info(format, args);
                break;
            default:
                logger.debug(format, args);
        }
    }

    private static final class Holder {
        static final Logger LOGGER = LoggerFactory.getLogger("file-cleanup");
    }
}
