package dev.filecleanup.management;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.filecleanup.cleanup.Counters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

/** The MBean through a real MBean server, and the meters in a real Micrometer, over counters set by hand. */
class ManagementTest {
    private final Counters counters = new Counters();
    private final State state = new State(counters);

    @Test
    void theMBeanShowsEveryCounterWithJdkTypesOnly() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName name = new ObjectName(Management.OBJECT_NAME);
        server.registerMBean(new AgentBean(state), name);

        assertEquals(0L, server.getAttribute(name, "Deleted"));
        assertEquals(7L, server.getAttribute(name, "Pending"));
        TabularData refused = (TabularData) server.getAttribute(name, "RefusedByReason");
        assertEquals(0L, refused.get(new Object[] {"outside_roots"}).get("value"));
        TabularData watched = (TabularData) server.getAttribute(name, "WatchedAttributes");
        assertArrayEquals(new String[] {"Document.filePath"},
                (String[]) watched.get(new Object[] {"uploads"}).get("value"));
        assertEquals(true, server.invoke(name, "drainNow", null, null));
        assertEquals(1, state.drains);
        assertArrayEquals(new String[0], (String[]) server.invoke(name, "recentFailures", null, null));
        assertEquals("swept", server.invoke(name, "sweepNow", null, null));
    }

    @Test
    void metersReadTheCountersWhenScrapedAndAreRegisteredOncePerRegistry() {
        MeterRegistry registry = new SimpleMeterRegistry();
        Metrics.globalRegistry.add(registry);
        try {
            Meters meters = new Meters();
            meters.register(getClass().getClassLoader(), state);
            meters.register(getClass().getClassLoader(), state);
            assertEquals(0, registry.get("filecleanup.files").tag("outcome", "deleted").functionCounter().count());
            assertEquals(7, registry.get("filecleanup.pending").gauge().value());
            assertNotNull(registry.get("filecleanup.files.refused").tag("reason", "symbolic_link").functionCounter());
            assertEquals(7, registry.get("filecleanup.files").functionCounters().size(), "one per outcome");
        } finally {
            Metrics.globalRegistry.remove(registry);
            Metrics.globalRegistry.clear();
        }
    }

    @Test
    void withoutMicrometerNothingHappens() {
        ClassLoader withoutMicrometer = new ClassLoader(null) {
        };
        new Meters().register(withoutMicrometer, state);
    }

    private static final class State implements AgentState {
        private final Counters counters;
        int drains;

        State(Counters counters) {
            this.counters = counters;
        }

        @Override
        public Counters counters() {
            return counters;
        }

        @Override
        public long pendingFiles() {
            return 7;
        }

        @Override
        public Map<String, List<String>> watchedAttributes() {
            return Map.of("uploads", List.of("Document.filePath"));
        }

        @Override
        public boolean drain() {
            drains++;
            return true;
        }

        @Override
        public String sweepNow() {
            return "swept";
        }

        @Override
        public String lastSweep() {
            return "";
        }
    }
}
