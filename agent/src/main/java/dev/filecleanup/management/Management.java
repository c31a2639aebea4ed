package dev.filecleanup.management;

import dev.filecleanup.Log;
import java.lang.management.ManagementFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.management.InstanceAlreadyExistsException;
import javax.management.ObjectName;

/**
 * Shows the agent to operators: the MBean, and the meters in each application class loader's Micrometer. Both
 * run on a thread of their own, because the JVM's first use of JMX costs 100-170 ms that Hibernate's bootstrap,
 * waiting for the agent, must not pay.
 */
public final class Management {
    public static final String OBJECT_NAME = "dev.filecleanup:type=FileCleanup";

    private final AgentState state;
    private final boolean micrometer;
    private final Meters meters = new Meters();
    /** One thread at most, gone when idle: registering is a handful of tasks over the JVM's life. */
    private final ExecutorService executor = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "file-cleanup-management");
                thread.setDaemon(true);
                thread.setPriority(Thread.MIN_PRIORITY);
                return thread;
            });

    public Management(AgentState state, boolean jmx, boolean micrometer) {
        this.state = state;
        this.micrometer = micrometer;
        if (jmx) {
            executor.execute(this::registerBean);
        }
    }

    /** A SessionFactory of {@code loader} is watched: its application may have Micrometer. */
    public void watch(ClassLoader loader) {
        if (micrometer && loader != null) {
            executor.execute(() -> meters.register(loader, state));
        }
    }

    private void registerBean() {
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(new AgentBean(state),
                    new ObjectName(OBJECT_NAME));
            Log.debug("registered the MBean {}", OBJECT_NAME);
        } catch (InstanceAlreadyExistsException e) {
            Log.warn("the MBean {} is already registered (a second copy of the agent?); this one is not", OBJECT_NAME);
        } catch (Exception | LinkageError e) {
            Log.warn("could not register the MBean {}: {}", OBJECT_NAME, e.toString());
        }
    }
}
