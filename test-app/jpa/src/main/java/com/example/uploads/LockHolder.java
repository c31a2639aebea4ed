package com.example.uploads;

import jakarta.persistence.EntityManager;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL only. Holds an exclusive lock on UserProfile's table on a daemon thread of its own. The agent's
 * reference check reads every reference column, UserProfile's too, so it waits for this lock; PostgreSQL shows
 * who waits, so the scenarios can act while the check is blocked, and only then let go.
 */
final class LockHolder {
    private final CountDownLatch locked = new CountDownLatch(1);
    private final CountDownLatch checkWaits = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean waitingNow;

    /**
     * Takes the lock. It is let go on {@link #release()}, once the check is seen waiting if
     * {@code releaseWhenSeen}, or after {@code holdMillis} at the most.
     */
    static LockHolder take(Uploads app, boolean releaseWhenSeen, long holdMillis) {
        LockHolder holder = new LockHolder();
        Thread thread = new Thread(() -> {
            app.run(em -> holder.hold(em, releaseWhenSeen, holdMillis));
            // The lock went with the transaction: nothing waits for it any more.
            holder.waitingNow = false;
        }, "lock-holder");
        thread.setDaemon(true);
        thread.start();
        await(holder.locked, 10_000);
        return holder;
    }

    private void hold(EntityManager em, boolean releaseWhenSeen, long holdMillis) {
        em.createNativeQuery("lock table UserProfile in access exclusive mode").executeUpdate();
        locked.countDown();
        long deadline = System.nanoTime() + holdMillis * 1_000_000;
        while (release.getCount() > 0 && System.nanoTime() < deadline) {
            // PostgreSQL shows a transaction the same activity snapshot until it is cleared.
            em.createNativeQuery("select count(*) from (select pg_stat_clear_snapshot()) s").getResultList();
            waitingNow = ((Number) em.createNativeQuery("select count(*) from pg_stat_activity where "
                    + "wait_event_type = 'Lock' and datname = current_database() and pid <> pg_backend_pid()")
                    .getSingleResult()).intValue() > 0;
            if (waitingNow && checkWaits.getCount() > 0) {
                // Said before the lock goes, so that the JVM is still there to print it.
                System.out.println("the reference check waits for the lock");
                checkWaits.countDown();
                if (releaseWhenSeen) {
                    return;
                }
            }
            sleep(50);
        }
    }

    /** Whether the check was seen waiting for the lock within {@code millis}. */
    boolean awaitCheckWaiting(long millis) {
        return await(checkWaits, millis);
    }

    /** Whether the check waited for the lock at the last look, at most 50 ms ago. */
    boolean checkWaitingNow() {
        sleep(100);
        return waitingNow;
    }

    void release() {
        release.countDown();
    }

    private static boolean await(CountDownLatch latch, long millis) {
        try {
            return latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
