package com.example.uploads;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * An upload folder that holds orphans, for the agent's orphan sweep. The application knows nothing of the sweep:
 * it writes its files first, lets them age, then builds its persistence units and writes the rows that name some
 * of them, and waits. Each setup leaves the folder in a state that one rule of the sweep is about.
 */
final class SweepScenarios {
    static final Map<String, BiConsumer<Uploads, String[]>> SCENARIOS = Map.of(
            "sweep", (app, args) -> sweep(Path.of(args[1]), args[2], Long.parseLong(args[3]), args[4]));

    /** Files every setup writes; the rows of most setups name the first four, under other spellings. */
    static final String[] FILES = {"a.pdf", "docs/b.pdf", "docs/c.pdf", "avatar.png", "native.pdf",
            "orphan/1.pdf", "docs/orphan.pdf", "tmp/upload.part", "cache/thumb.png"};

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private SweepScenarios() {
    }

    static boolean ownsPersistenceUnit(String scenario) {
        return SCENARIOS.containsKey(scenario);
    }

    /**
     * {@code setup}: {@code files} (rows name some files), {@code empty} (no row at all: the wrong database),
     * {@code drop-column} (a reference column is dropped before the sweep), {@code closed-unit} (a persistence unit
     * is closed), {@code every} (a row stops naming its file by native SQL once the first sweep is done).
     * {@code ageMillis}: how long the files age before the units are built. {@code wait}: {@code gone:<file>,<file>...},
     * {@code report:<folder>}, {@code sleep:<seconds>}, {@code swept} (the MBean shows a sweep's outcome) or {@code mbean} (the MBean's
     * operations), what the application waits for before it exits.
     */
    static void sweep(Path root, String setup, long ageMillis, String wait) {
        for (String file : FILES) {
            write(root.resolve(file));
        }
        try {
            Path outside = Files.createDirectories(root.resolveSibling(root.getFileName() + "-outside"));
            Files.createSymbolicLink(root.resolve("link.pdf"), write(outside.resolve("secret.pdf")));
            Files.createDirectories(root.resolve("empty-dir"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sleep(ageMillis);
        Uploads app = new Uploads(root);
        if (!setup.equals("empty")) {
            app.persist(new Document("dot", "./a.pdf"));
            app.persist(new Document("double slash", "docs//b.pdf"));
            app.persist(new Document("absolute", root + "/docs/../docs/c.pdf"));
            app.persist(new UserProfile("ada", "avatar.png"));
            app.persist(new Document("native", "native.pdf"));
        }
        write(root.resolve("young.pdf"));
        if (setup.equals("drop-column")) {
            app.run(em -> em.createNativeQuery("alter table Document drop column archivePath").executeUpdate());
        }
        // Built last, so that the sweep, which waits until no unit has been built for a while, sees every row.
        EntityManagerFactory archive = Persistence.createEntityManagerFactory("archive");
        if (setup.equals("closed-unit")) {
            archive.close();
        }
        System.out.println("sweep setup " + setup + " done");
        await(root, wait);
        if (setup.equals("every")) {
            app.run(em -> em.createNativeQuery("update Document set filePath = null where filePath = 'native.pdf'")
                    .executeUpdate());
            System.out.println("native.pdf is no longer referenced");
            await(root, "gone:native.pdf");
        }
        if (archive.isOpen()) {
            archive.close();
        }
        app.close();
    }

    private static void await(Path root, String wait) {
        String[] what = wait.split(":", 2);
        switch (what[0]) {
            case "sleep" -> sleep(Long.parseLong(what[1]) * 1000);
            case "mbean" -> {
                // As an operator would: the MBean's operations, while every unit is open.
                try {
                    ManagementProbe.print();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            // Until the MBean shows a sweep's outcome, whatever it is.
            case "swept" -> System.out.println(AgentMBean.await(TIMEOUT, SweepScenarios::swept)
                    ? "waited for a sweep: " + AgentMBean.attribute("LastSweep") : "gave up waiting for a sweep");
            case "gone" -> say(wait, AgentMBean.await(TIMEOUT,
                    () -> Stream.of(what[1].split(",")).noneMatch(file -> Files.exists(root.resolve(file)))));
            case "report" -> say(wait, AgentMBean.await(TIMEOUT, () -> hasReport(Path.of(what[1]))));
            default -> throw new IllegalArgumentException("unknown wait " + wait);
        }
    }

    private static boolean swept() {
        Object lastSweep = AgentMBean.attribute("LastSweep");
        return lastSweep != null && !"".equals(lastSweep);
    }

    private static void say(String wait, boolean done) {
        System.out.println((done ? "waited for " : "gave up waiting for ") + wait);
    }

    private static boolean hasReport(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(file -> file.toString().endsWith(".csv"));
        } catch (IOException e) {
            return false;
        }
    }

    private static Path write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, "contents of " + file.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
