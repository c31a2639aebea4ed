package com.example.uploads;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The agent's MBean, as the application finds it through the platform MBean server, and every wait of the
 * application for the agent's work. The agent registers the MBean on a thread of its own shortly after the first
 * SessionFactory: when it is not there a few seconds ({@code testapp.mbean.wait}) into a wait, no agent is at
 * work, so the wait ends at once instead of running out its timeout, which is what makes the tests fail fast
 * without the agent.
 */
final class AgentMBean {
    static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
    static final ObjectName NAME = name("dev.filecleanup:type=FileCleanup");
    private static final long GRACE_NANOS = Duration.ofSeconds(Long.getLong("testapp.mbean.wait", 5)).toNanos();
    /**
     * Without {@code -javaagent}, no agent is there to register the MBean, so it gets no grace: only one attached
     * later could (LateAttachIT, whose scenario waits for nothing).
     */
    private static final boolean NO_AGENT_OPTION = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .noneMatch(argument -> argument.startsWith("-javaagent:"));
    /** Found missing once: no later wait of this JVM gives it a grace again. */
    private static volatile boolean missing;

    private AgentMBean() {
    }

    /** Whether the MBean is registered, given the grace to appear. */
    static boolean registered() {
        return await(Duration.ofDays(1), () -> SERVER.isRegistered(NAME));
    }

    /** Polls until {@code done}: false after {@code timeout}, or as soon as the MBean is known to be missing. */
    static boolean await(Duration timeout, BooleanSupplier done) {
        long started = System.nanoTime();
        while (!done.getAsBoolean()) {
            long waited = System.nanoTime() - started;
            if ((NO_AGENT_OPTION || missing || waited > GRACE_NANOS) && !SERVER.isRegistered(NAME)) {
                if (!missing) {
                    missing = true;
                    System.out.println("mbean not registered: no " + NAME + (NO_AGENT_OPTION
                            ? " in a JVM without -javaagent" : " " + GRACE_NANOS / 1_000_000_000 + " s into a wait")
                            + ", so no agent is at work; waits for its work end at once");
                }
                return false;
            }
            if (waited > timeout.toNanos()) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** An attribute's value, or null while the MBean is not registered. */
    static Object attribute(String attribute) {
        try {
            return SERVER.isRegistered(NAME) ? SERVER.getAttribute(NAME, attribute) : null;
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }
}
