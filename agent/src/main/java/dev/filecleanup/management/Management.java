package dev.filecleanup.management;

import dev.filecleanup.Log;
import java.lang.management.ManagementFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.InstanceAlreadyExistsException;
import javax.management.ObjectName;

/**
 * Shows the agent to operators: the MBean, and the meters in each application class loader's Micrometer. Both
 * are registered on a thread of their own, after a SessionFactory is built, because the JVM's first use of JMX
 * costs 100-170 ms of CPU that Hibernate's bootstrap must not wait for.
 */
public final class Management {
    public static final String OBJECT_NAME = "dev.filecleanup:type=FileCleanup";

    private final AgentState state;
    /** True until the MBean's registration is started. */
    private final AtomicBoolean jmx;
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
        this.jmx = new AtomicBoolean(jmx);
        this.micrometer = micrometer;
    }

    /**
     * A SessionFactory of {@code loader} is built: the MBean is registered with the first one, once Hibernate's
     * bootstrap no longer competes for the CPU, and the meters with each application that has Micrometer.
     */
    public void watch(ClassLoader loader) {
        if (jmx.getAndSet(false)) {
            executor.execute(this::registerBean);
        }
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
