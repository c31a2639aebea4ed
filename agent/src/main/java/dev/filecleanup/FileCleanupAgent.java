package dev.filecleanup;

import dev.filecleanup.config.AgentConfig;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicBoolean;

/** The {@code -javaagent} entry point. It never throws: a broken agent must not stop the host from starting. */
public final class FileCleanupAgent {
    /** A second {@code -javaagent} or attach of this jar must not weave the advice twice. */
    private static final AtomicBoolean STARTED = new AtomicBoolean();

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
        } catch (Throwable t) {
            System.err.println("[file-cleanup] not installed, nothing will be deleted: " + t);
        }
    }
}
