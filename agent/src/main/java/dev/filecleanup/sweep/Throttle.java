package dev.filecleanup.sweep;

import java.util.function.BooleanSupplier;

/**
 * Paces a sweep at a number of files per second, so that its disk and database work never crowds out the host's.
 * It sleeps once the sweep is ahead of its pace by a few milliseconds, not for each file, and never lets a pause
 * (a slow disk, a long check) build up credit for a burst afterwards.
 */
final class Throttle {
    private static final long SLEEP_AT_NANOS = 10_000_000;
    private static final long MAX_DEBT_NANOS = 1_000_000_000;

    private final long intervalNanos;
    private final BooleanSupplier stopped;
    private long due = System.nanoTime();

    /** {@code perSecond}: files at most; {@code stopped}: ends a pause early when the sweep is asked to stop. */
    Throttle(int perSecond, BooleanSupplier stopped) {
        this.intervalNanos = 1_000_000_000L / Math.max(1, perSecond);
        this.stopped = stopped;
    }

    /** Waits, if need be, until one more file is within the pace. */
    void next() {
        long now = System.nanoTime();
        if (now - due > MAX_DEBT_NANOS) {
            due = now;
        }
        due += intervalNanos;
        while (due - now > SLEEP_AT_NANOS && !stopped.getAsBoolean()) {
            try {
                Thread.sleep(Math.min(100, (due - now) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            now = System.nanoTime();
        }
    }
}
