package dev.filecleanup;

import dev.filecleanup.config.AgentConfig;
import dev.filecleanup.config.InvalidConfigurationException;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicBoolean;

/** The {@code -javaagent} entry point. It never throws: a broken agent must not stop the host from starting. */
public final class FileCleanupAgent {
    /** A second {@code -javaagent} or attach of this jar must not weave the advice twice. */
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** Printed as it is, not through the log: the log's level may be the very setting that is wrong. */
    private static final String NOT_INSTALLED = "[file-cleanup] hibernate-file-cleanup ";

    private FileCleanupAgent() {
    }

    public static void premain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs, instrumentation, false);
    }

    /** Attached to a running JVM: works for SessionFactories built from now on. */
    public static void agentmain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs, instrumentation, true);
    }

    private static void start(String agentArgs, Instrumentation instrumentation, boolean late) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        try {
            Installer.install(AgentConfig.load(agentArgs, System.getProperties(), System.getenv()), instrumentation,
                    late);
        } catch (InvalidConfigurationException e) {
            // Its message names every mistake and where it came from: the exception's class would say nothing more.
            System.err.println(NOT_INSTALLED + Installer.version() + " not installed, nothing will be deleted: "
                    + e.getMessage());
        } catch (Throwable t) {
            System.err.println(NOT_INSTALLED + Installer.version() + " not installed, nothing will be deleted: " + t);
        }
    }
}
