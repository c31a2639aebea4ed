package dev.filecleanup.cleanup;

import java.time.Duration;

/**
 * When the deletion worker starts its next round, so that it does not starve the host. A round waits
 * {@link #WINDOW} after its first commit, for the commits that follow closely. A round's reference check costs
 * about the same whatever the number of files (a scan of each column), so after a round the worker also rests as
 * long as its checks took, at most {@link #MAX_REST}: under a steady trickle of commits the checks take at most
 * about half of one core, and the rounds grow instead. A full batch, or someone waiting for the queue, does not
 * wait (the queue decides that). Used by the worker thread only.
 */
final class Pacing {
    /** How long a round waits after its first commit, for those that follow closely. */
    static final Duration WINDOW = Duration.ofMillis(5);
    /** The longest rest after a slow check, so that no file waits much longer for one. */
    static final Duration MAX_REST = Duration.ofSeconds(1);

    private final long windowNanos;
    private long checkNanos;
    private long restUntil = System.nanoTime();

    Pacing(Duration window) {
        this.windowNanos = window.toNanos();
    }

    /** Until when a round whose first commit was taken now gathers more ({@link System#nanoTime()}). */
    long gatherUntil() {
        return Math.max(System.nanoTime() + windowNanos, restUntil);
    }

    /** A reference check of this round took {@code nanos}. */
    void checked(long nanos) {
        checkNanos += nanos;
    }

    /** The round is over: the next one rests as long as this one's checks took, if it ran any. */
    void roundDone() {
        if (checkNanos > 0) {
            restUntil = System.nanoTime() + Math.min(checkNanos, MAX_REST.toNanos());
            checkNanos = 0;
        }
    }
}
