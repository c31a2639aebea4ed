package com.example.uploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The README's demo: upload, replace, delete and roll back, listing the upload folder after each step. */
public final class Demo {
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        HIBERNATE_LOG.setLevel(Level.SEVERE);
        Path root = Path.of(args[0]);
        try (Uploads app = new Uploads(root)) {
            Document report = app.persist(new Document("report", app.store("report-v1.pdf")));
            step(root, "upload report-v1.pdf");

            app.store("report-v2.pdf");
            app.run(em -> em.find(Document.class, report.id).filePath = "report-v2.pdf");
            step(root, "replace it by report-v2.pdf");

            app.run(em -> em.remove(em.find(Document.class, report.id)));
            step(root, "delete the document");

            Document draft = app.persist(new Document("draft", app.store("draft.pdf")));
            try {
                app.run(em -> {
                    em.remove(em.find(Document.class, draft.id));
                    em.flush();
                    throw new IllegalStateException("something went wrong");
                });
            } catch (IllegalStateException rolledBack) {
                step(root, "delete draft.pdf's document, then roll back");
            }
        }
    }

    private static void step(Path root, String what) throws InterruptedException {
        String before = list(root);
        // Deletion runs in the background right after commit; give it a moment before looking.
        for (int i = 0; i < 20 && before.equals(list(root)); i++) {
            Thread.sleep(50);
        }
        System.out.printf("%n== %s%n   uploads/: %s%n%n", what, list(root));
        System.out.flush();
    }

    private static String list(Path root) {
        try (Stream<Path> files = Files.list(root)) {
            String names = files.map(file -> file.getFileName().toString()).sorted()
                    .collect(Collectors.joining(" "));
            return names.isEmpty() ? "(empty)" : names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
