package com.example.uploads.bench;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.Map;

/**
 * A Hibernate application's startup, for {@link Perf}: builds the test application's persistence unit
 * ({@code uploads}, 33 entities, on H2 in memory, its schema created) and prints {@link #MARKER} as soon as the
 * SessionFactory is built. The driver takes the time from launching this JVM to reading the marker, then kills
 * it: nothing after the marker (exit hooks, the agent's summary) is measured. Should the driver go away first,
 * standard input ends and this JVM halts.
 *
 * <p>With {@code -Dperf.census=true} it first loads {@link Built}, a mark in the class-load log, and prints a
 * {@code PERF census} line: heap used after repeated full GCs, Metaspace used, classes loaded.
 */
public final class StartupMain {
    public static final String MARKER = "PERF session-factory-built";

    private StartupMain() {
    }

    public static void main(String[] args) throws Exception {
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("uploads", Map.of(
                "jakarta.persistence.jdbc.url", "jdbc:h2:mem:startup;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"));
        if (Boolean.getBoolean("perf.census")) {
            Class.forName(Built.class.getName());
            long heap = Heap.settled();
            long metaspace = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getName().equals("Metaspace")).mapToLong(StartupMain::used).sum();
            System.out.println("PERF census heap=" + heap + " metaspace=" + metaspace + " classes="
                    + ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
        }
        System.out.println(MARKER);
        System.out.flush();
        while (System.in.read() != -1) {
            // The driver kills this JVM; an end of input means the driver is gone.
        }
        Runtime.getRuntime().halt(emf.isOpen() ? 0 : 1);
    }

    private static long used(MemoryPoolMXBean pool) {
        return pool.getUsage().getUsed();
    }

    /** Loaded once the SessionFactory is built: a mark in the class-load log. */
    static final class Built {
        private Built() {
        }
    }
}
