package com.example.uploads.bench;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.Locale;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.hibernate.Session;

/**
 * The orphan sweep's cost at scale; run with the agent attached, {@code filecleanup.sweep=delete} and
 * {@code filecleanup.sweep.at=none}. {@code sweep.files} files under {@code perf.root} (1,000 to a folder) and as
 * many {@code Document} rows (files already there are kept, so that several databases share one set): every row but {@code sweep.orphans} names a file, the others name files that do not
 * exist, so {@code sweep.orphans} files are orphans. Then one sweep through the MBean's {@code sweepNow}, timed,
 * with the statements it ran (the MBean's {@code ReferenceQueries}) and the heap: the most in use while it ran
 * (sampled every 10 ms, garbage included), and what is live after it. Prints {@code SWEEP ...}, or {@code PERF failed ...} and exits with 2.
 */
public final class SweepMain {
    private SweepMain() {
    }

    public static void main(String[] args) throws Exception {
        int files = Integer.getInteger("sweep.files", 1_000_000);
        int orphans = Integer.getInteger("sweep.orphans", 10_000);
        // The wrong database: every row names a file elsewhere, so no file is referenced, though the filter takes
        // a few for referenced (its false positives). The sweep must refuse, and delete nothing.
        boolean wrongDatabase = Boolean.getBoolean("sweep.wrongDatabase");
        Path root = Path.of(System.getProperty("perf.root"));

        long started = System.nanoTime();
        // The files of an earlier database's run are kept: only its deleted orphans are written again. Their
        // paths are made again each time they are needed: a million Path objects would not fit the heap.
        int folderCount = Math.max(1, files / 1_000);
        for (int i = 0; i < files; i++) {
            Path file = file(root, i, folderCount);
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, "contents of file " + i);
            }
        }
        long createdMillis = (System.nanoTime() - started) / 1_000_000;
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("uploads", ThroughputMain.settings());
        started = System.nanoTime();
        ThroughputMain.inTransaction(emf, em -> em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into Document (id, title, filePath) values (?, ?, ?)")) {
                for (int row = 0; row < files; row++) {
                    // The first ones name files that do not exist: their files are the orphans.
                    String relative = root.relativize(file(root, row, folderCount)).toString();
                    String value = wrongDatabase ? "elsewhere/" + relative
                            : row < orphans ? "missing/" + row + ".bin" : relative;
                    insert.setLong(1, 10_000_000L + row);
                    insert.setString(2, "sweep");
                    insert.setString(3, value);
                    insert.addBatch();
                    if ((row + 1) % 1_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        }));
        long insertedMillis = (System.nanoTime() - started) / 1_000_000;

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName agent = new ObjectName("dev.filecleanup:type=FileCleanup");
        for (long deadline = System.nanoTime() + 30_000_000_000L; !server.isRegistered(agent); Thread.sleep(20)) {
            if (System.nanoTime() > deadline) {
                ThroughputMain.fail("the agent's MBean is not registered (is the agent attached?)");
            }
        }
        System.gc();
        long liveBefore = heapUsed();
        // The heap in use, sampled every 10 ms while the sweep runs (garbage included: an upper bound).
        long[] peak = {liveBefore};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], heapUsed());
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long queriesBefore = (Long) server.getAttribute(agent, "ReferenceQueries");
        started = System.nanoTime();
        String outcome = (String) server.invoke(agent, "sweepNow", null, null);
        long sweepMillis = (System.nanoTime() - started) / 1_000_000;
        long queries = (Long) server.getAttribute(agent, "ReferenceQueries") - queriesBefore;
        sampler.interrupt();
        sampler.join();
        System.gc();
        long liveAfter = heapUsed();

        long wronglyGone = 0;
        long orphansLeft = 0;
        long gone = 0;
        for (int row = 0; row < files; row++) {
            boolean exists = Files.exists(file(root, row, folderCount));
            gone += exists ? 0 : 1;
            if (row < orphans && !wrongDatabase) {
                orphansLeft += exists ? 1 : 0;
            } else if (!exists) {
                wronglyGone++;
            }
        }
        if (wrongDatabase) {
            if (!outcome.startsWith("sweep refused: storage root ") || gone > 0) {
                ThroughputMain.fail("wrong database: sweep outcome '" + outcome + "', " + gone + " file(s) gone");
            }
        } else if (wronglyGone > 0 || !outcome.startsWith("sweep deleted " + (orphans - orphansLeft) + " orphan(s)")
                // The walk's filter keeps about 1 orphan in 1,700 (its false positives); far more means a fault.
                || orphansLeft > orphans / 200) {
            ThroughputMain.fail("sweep outcome '" + outcome + "', " + wronglyGone + " referenced file(s) gone, "
                    + orphansLeft + " orphan(s) left");
        }
        System.out.println(String.format(Locale.ROOT, "SWEEP files=%d rows=%d orphans=%d orphansKept=%d "
                        + "createMillis=%d insertMillis=%d sweepMillis=%d queries=%d heapPeakMiB=%.1f liveBeforeMiB=%.1f "
                        + "liveAfterMiB=%.1f maxHeapMiB=%.0f outcome=%s", files, files, orphans, orphansLeft, createdMillis,
                insertedMillis, sweepMillis, queries, peak[0] / 1048576.0, liveBefore / 1048576.0,
                liveAfter / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0, outcome));
        emf.close();
        System.exit(0);
    }

    /** The {@code i}-th file: the first thousand in the first folder, and so on. */
    private static Path file(Path root, int i, int folders) {
        return root.resolve(String.format("%04d", i / 1_000 % folders)).resolve(String.format("f-%07d.bin", i));
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
