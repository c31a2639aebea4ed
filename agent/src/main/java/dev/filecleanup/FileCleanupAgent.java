package dev.filecleanup;

import java.lang.instrument.Instrumentation;

/** The {@code -javaagent} entry point. It never throws: a broken agent must not stop the host from starting. */
public final class FileCleanupAgent {

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
        try {
            Installer.install(AgentConfig.load(agentArgs, System.getProperties(), System.getenv()), instrumentation,
                    late);
        } catch (Throwable t) {
            System.err.println("[file-cleanup] not installed, nothing will be deleted: " + t);
        }
    }
}
