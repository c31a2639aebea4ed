package dev.filecleanup;

import dev.filecleanup.config.AgentConfig;
import dev.filecleanup.journal.Journal;
import dev.filecleanup.journal.Journals;
import dev.filecleanup.management.Management;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * Checks the configuration, then installs the agent: at {@code premain} only the {@link HibernateTrigger}, which
 * starts the rest once Hibernate shows up; on a late attach everything at once. Byte Buddy is touched only
 * through {@link Weaving}, after the start.
 */
final class Installer {
    private Installer() {
    }

    static void install(AgentConfig config, Instrumentation instrumentation, boolean late) {
        Log.configure(config.logLevel());
        // Here, before anything may say that nothing is installed: a misspelt key is often why.
        for (String unknown : config.unknownKeys()) {
            Log.warn("{}", unknown);
        }
        if (!config.enabled()) {
            Log.info("hibernate-file-cleanup {} disabled (filecleanup.enabled=false): nothing installed", version());
            return;
        }
        if (config.roots().isEmpty()) {
            Log.warn("hibernate-file-cleanup {}: no storage roots configured (filecleanup.roots), so nothing will "
                    + "ever be deleted; nothing installed", version());
            return;
        }
        if (!late) {
            // A class, not a lambda: the JVM's first lambda costs premain milliseconds of method handles.
            instrumentation.addTransformer(new HibernateTrigger(new Callable<>() {
                @Override
                public ClassFileTransformer call() {
                    if (!start(config)) {
                        return null;
                    }
                    Path cache = config.weaveCache() == null ? null : WovenCache.folder(config.weaveCache());
                    // Not Weaving::raw: resolving a method reference loads and verifies Weaving, and Byte Buddy with it.
                    return new WovenCache(cache, new Callable<>() {
                        @Override
                        public ClassFileTransformer call() {
                            return Weaving.raw();
                        }
                    });
                }
            }));
            return;
        }
        if (start(config)) {
            Weaving.weave(instrumentation);
            Log.warn("attached to a running JVM: SessionFactories built before now are not watched");
        }
    }

    /** Opens the journal and starts the running agent; false, having said why, when nothing may be installed. */
    private static boolean start(AgentConfig config) {
        Journal journal;
        try {
            journal = Journals.open(config);
        } catch (IOException e) {
            Log.error("hibernate-file-cleanup {}: the journal cannot be used, so nothing is installed: {}", version(),
                    e.getMessage());
            return false;
        }
        FileCleanup cleanup = new FileCleanup(config, journal);
        cleanup.manage(new Management(cleanup, config.jmx(), config.micrometer()));
        Hooks.install(cleanup);
        Runtime.getRuntime().addShutdownHook(new Thread(cleanup::shutdown, "file-cleanup-shutdown"));
        Log.info("hibernate-file-cleanup {} installed on Java {}: roots {}, journal {}{}", version(),
                Runtime.version().feature(), config.roots(), journal,
                config.dryRun() ? ", dry run (nothing is deleted)" : "");
        config.warnings().forEach(warning -> Log.warn("{}", warning));
        return true;
    }

    static String version() {
        try (InputStream in = Installer.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | RuntimeException e) {
            return "(unknown version)";
        }
    }
}
