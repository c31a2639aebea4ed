package com.example.uploads;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiConsumer;
import org.hibernate.Hibernate;

/**
 * A bytecode-enhanced entity whose lazy file attribute Hibernate has not fetched: its old value is in none of
 * Hibernate's states, so only a read of the row can release it.
 */
final class EnhancedScenarios {
    static final Map<String, BiConsumer<Uploads, String[]>> SCENARIOS = Map.of("lazy", (app, args) -> lazy(app));

    private EnhancedScenarios() {
    }

    /** A file replaced and one removed without being fetched; a change of another attribute releases nothing. */
    static void lazy(Uploads app) {
        Recording replaced = app.persist(new Recording("replaced", Path.of(app.store("lazy/replaced-old.wav"))));
        Recording removed = app.persist(new Recording("removed", Path.of(app.store("lazy/removed.wav"))));
        Recording retitled = app.persist(new Recording("retitled", Path.of(app.store("lazy/retitled.wav"))));
        app.run(em -> {
            Recording found = em.find(Recording.class, replaced.getId());
            System.out.println("lazy file unfetched: " + !Hibernate.isPropertyInitialized(found, "file"));
            found.setFile(Path.of(app.store("lazy/replaced-new.wav")));
        });
        app.run(em -> em.remove(em.find(Recording.class, removed.getId())));
        app.run(em -> em.find(Recording.class, retitled.getId()).setTitle("another title"));
    }
}
