package dev.filecleanup;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MessageFormatter;

/**
 * The application's own SLF4J logger {@link #NAME}, for {@code filecleanup.log=application}: whatever provider it
 * has (Logback, Log4j 2 through log4j-slf4j2-impl, ...), so that the agent's lines reach the same appenders,
 * encoders and shippers as the application's. Our classes live in the system class loader and see only our
 * relocated SLF4J, so the application's is called through method handles resolved once, on the public
 * {@code org.slf4j.Logger} interface. Messages are formatted here with the relocated formatter.
 */
final class ApplicationLog {
    static final String NAME = "dev.filecleanup";
    private static final String[] LEVELS = {"error", "warn", "info", "debug"};
    private static final String[] ENABLED = {"isErrorEnabled", "isWarnEnabled", "isInfoEnabled", "isDebugEnabled"};

    private final MethodHandle[] enabled = new MethodHandle[LEVELS.length];
    private final MethodHandle[] plain = new MethodHandle[LEVELS.length];
    private final MethodHandle[] thrown = new MethodHandle[LEVELS.length];
    /** The provider's {@code isStarted()}, where it has one (Logback); null otherwise. */
    private final MethodHandle started;

    private ApplicationLog(Class<?> loggerType, Object logger, MethodHandle started) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        for (int level = 0; level < LEVELS.length; level++) {
            enabled[level] = lookup.findVirtual(loggerType, ENABLED[level], MethodType.methodType(boolean.class))
                    .bindTo(logger);
            plain[level] = lookup.findVirtual(loggerType, LEVELS[level],
                    MethodType.methodType(void.class, String.class)).bindTo(logger);
            thrown[level] = lookup.findVirtual(loggerType, LEVELS[level],
                    MethodType.methodType(void.class, String.class, Throwable.class)).bindTo(logger);
        }
        this.started = started;
    }

    /** The logger {@link #NAME} of the SLF4J that {@code loader} sees; fails when there is none, or no provider. */
    static ApplicationLog of(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> factory = Class.forName(slf4j("LoggerFactory"), true, loader);
        Class<?> loggerType = Class.forName(slf4j("Logger"), false, loader);
        Object loggerFactory = factory.getMethod("getILoggerFactory").invoke(null);
        if (loggerFactory == null || loggerFactory.getClass().getName().equals(slf4j("helpers.NOPLoggerFactory"))) {
            throw new ClassNotFoundException("SLF4J has no provider there");
        }
        Object logger = factory.getMethod("getLogger", String.class).invoke(null, NAME);
        MethodHandle started;
        try {
            started = MethodHandles.publicLookup().findVirtual(loggerFactory.getClass(), "isStarted",
                    MethodType.methodType(boolean.class)).bindTo(loggerFactory);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            started = null;
        }
        return new ApplicationLog(loggerType, logger, started);
    }

    /**
     * Built at run time: the shade plugin relocates every string constant that starts like SLF4J's package, and
     * this one must name the application's SLF4J, not ours.
     */
    static String slf4j(String className) {
        return "org".concat(".slf4j.").concat(className);
    }

    /**
     * False when the line could not be written: the application's logging has been stopped (Spring Boot stops
     * Logback in its exit hook, perhaps before ours summarises) or failed. The caller then writes it to stderr.
     */
    boolean write(int level, String format, Object[] args) {
        try {
            if (started != null && !(boolean) started.invokeExact()) {
                return false;
            }
            if (!(boolean) enabled[level].invokeExact()) {
                return true;
            }
            FormattingTuple line = MessageFormatter.arrayFormat(format, args);
            if (line.getThrowable() == null) {
                plain[level].invokeExact(line.getMessage());
            } else {
                thrown[level].invokeExact(line.getMessage(), line.getThrowable());
            }
            return true;
        } catch (Throwable t) {
            return false;
        }
    }
}
