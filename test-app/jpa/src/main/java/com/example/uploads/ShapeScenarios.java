package com.example.uploads;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Scenarios of the value shapes and statements that release files besides a top-level attribute of an entity
 * action: embeddables, element collections, StatelessSession and bulk statements.
 */
final class ShapeScenarios {
    static final Map<String, BiConsumer<Uploads, String[]>> SCENARIOS = Map.ofEntries(
            Map.entry("embedded", (app, args) -> embedded(app)));

    private ShapeScenarios() {
    }

    /**
     * An attribute inside an embeddable changed; the embeddable replaced, set to null; its owner removed; and,
     * as a control that must release nothing, only the embeddable's caption changed.
     */
    static void embedded(Uploads app) {
        Dossier changed = app.persist(dossier(app, "changed"));
        app.store("emb/changed-new.pdf");
        app.run(em -> em.find(Dossier.class, changed.id).attachment.path = "emb/changed-new.pdf");

        Dossier replaced = app.persist(dossier(app, "replaced"));
        app.run(em -> em.find(Dossier.class, replaced.id).attachment = new Dossier.Scan(
                app.store("emb/replaced-new.pdf"), "new", new Dossier.Preview(Path.of(app.store("emb/replaced-new.png")))));

        Dossier nulled = app.persist(dossier(app, "nulled"));
        app.run(em -> em.find(Dossier.class, nulled.id).attachment = null);

        Dossier removed = app.persist(dossier(app, "removed"));
        app.run(em -> em.remove(em.find(Dossier.class, removed.id)));

        Dossier captioned = app.persist(dossier(app, "captioned"));
        app.run(em -> em.find(Dossier.class, captioned.id).attachment.caption = "another caption");
    }

    /** A dossier whose scan is {@code emb/<name>.pdf} with the preview {@code emb/<name>.png}. */
    private static Dossier dossier(Uploads app, String name) {
        return new Dossier(name, new Dossier.Scan(app.store("emb/" + name + ".pdf"), name,
                new Dossier.Preview(Path.of(app.store("emb/" + name + ".png")))));
    }
}
