package com.example.uploads.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Heap used after full collections, for the memory figures of {@link Perf}. */
final class Heap {
    private Heap() {
    }

    /**
     * Runs {@link System#gc()} until two readings in a row agree within 64 KiB (at most 10 times) and returns the
     * heap then used, in bytes.
     */
    static long settled() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int i = 0; i < 10; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(used - previous) < 64 * 1024) {
                break;
            }
            previous = used;
        }
        return used;
    }
}
