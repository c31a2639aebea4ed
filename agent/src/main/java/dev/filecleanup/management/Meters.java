package dev.filecleanup.management;

import dev.filecleanup.Log;
import dev.filecleanup.cleanup.Counters;
import dev.filecleanup.cleanup.Refusal;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The counters as Micrometer meters in {@code Metrics.globalRegistry} of the application's class loader, which
 * Spring Boot's registry joins by default. Micrometer is the application's, not ours: it is reached by
 * reflection through the class loader that loaded Hibernate, so a fat jar's loader works, and without Micrometer
 * nothing happens. Function counters read the counters when scraped: counting costs nothing more.
 */
final class Meters {
    private static final String PACKAGE = "io.micrometer.core.instrument.";

    /** Each global registry once, though several SessionFactories (or class loaders) share it. */
    private final Set<Object> registries = Collections.newSetFromMap(new WeakHashMap<>());

    void register(ClassLoader loader, AgentState state) {
        Object registry;
        Class<?> registryType;
        try {
            registry = Class.forName(PACKAGE + "Metrics", true, loader).getField("globalRegistry").get(null);
            registryType = Class.forName(PACKAGE + "MeterRegistry", false, loader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            return;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Log.warn("Micrometer is present but its global registry cannot be read; no meters: {}", e.toString());
            return;
        }
        if (!registries.add(registry)) {
            return;
        }
        try {
            new Registration(loader, registry, registryType).all(state);
            Log.info("meters filecleanup.* registered in Micrometer's global registry");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Log.warn("could not register the meters filecleanup.* in Micrometer: {}", e.toString());
        }
    }

    /** One registry's meters. */
    private static final class Registration {
        private final Object registry;
        private final Method counter;
        private final Method gauge;
        private final Method register;
        private final Method gaugeRegister;

        Registration(ClassLoader loader, Object registry, Class<?> registryType) throws ReflectiveOperationException {
            this.registry = registry;
            Class<?> counterType = Class.forName(PACKAGE + "FunctionCounter", false, loader);
            Class<?> gaugeType = Class.forName(PACKAGE + "Gauge", false, loader);
            this.counter = counterType.getMethod("builder", String.class, Object.class, ToDoubleFunction.class);
            this.gauge = gaugeType.getMethod("builder", String.class, Object.class, ToDoubleFunction.class);
            this.register = counter.getReturnType().getMethod("register", registryType);
            this.gaugeRegister = gauge.getReturnType().getMethod("register", registryType);
        }

        void all(AgentState state) throws ReflectiveOperationException {
            Counters c = state.counters();
            String files = "Released files, by what became of them";
            count("filecleanup.files", "outcome", "released", files, c, Counters::released);
            count("filecleanup.files", "outcome", "deleted", files, c, Counters::deleted);
            count("filecleanup.files", "outcome", "already_gone", files, c, Counters::alreadyGone);
            count("filecleanup.files", "outcome", "kept", files, c, Counters::kept);
            count("filecleanup.files", "outcome", "refused", files, c, Counters::refused);
            count("filecleanup.files", "outcome", "failed", files, c, Counters::failed);
            count("filecleanup.files", "outcome", "dropped", files, c, Counters::dropped);
            count("filecleanup.files.rolled.back", null, null, "Files written by transactions that rolled back, "
                    + "checked after the rollback cleanup's delay", c, Counters::rolledBack);
            for (Counters.Kept reason : Counters.Kept.values()) {
                count("filecleanup.files.kept", "reason", reason.tag(), "Released files kept on disk, by why", c,
                        counters -> counters.kept(reason));
            }
            for (Refusal reason : Refusal.values()) {
                count("filecleanup.files.refused", "reason", reason.tag(),
                        "Released values the path safety refused to delete, by why", c,
                        counters -> counters.refused(reason));
            }
            count("filecleanup.journal.entries", "event", "written", "Journal entries", c, Counters::journaled);
            count("filecleanup.journal.entries", "event", "replayed", "Journal entries", c, Counters::replayed);
            count("filecleanup.journal.entries", "event", "spilled", "Journal entries", c, Counters::spilled);
            count("filecleanup.deletion.retries", null, null, "Deletions attempted again after a storage error", c,
                    Counters::retried);
            count("filecleanup.reference.queries", null, null, "Statements the reference check ran", c,
                    Counters::referenceQueries);
            Object builder = gauge.invoke(null, "filecleanup.pending", state,
                    (ToDoubleFunction<AgentState>) AgentState::pendingFiles);
            builder = describe(builder, "Released files waiting for their check and deletion", "files");
            gaugeRegister.invoke(builder, registry);
        }

        private void count(String name, String tag, String value, String description, Counters counters,
                           ToDoubleFunction<Counters> read) throws ReflectiveOperationException {
            Object builder = counter.invoke(null, name, counters, read);
            if (tag != null) {
                builder = builder.getClass().getMethod("tag", String.class, String.class).invoke(builder, tag, value);
            }
            register.invoke(describe(builder, description, name.startsWith("filecleanup.files") ? "files" : null),
                    registry);
        }

        private static Object describe(Object builder, String description, String unit)
                throws ReflectiveOperationException {
            builder = builder.getClass().getMethod("description", String.class).invoke(builder, description);
            if (unit != null) {
                builder = builder.getClass().getMethod("baseUnit", String.class).invoke(builder, unit);
            }
            return builder;
        }
    }
}
