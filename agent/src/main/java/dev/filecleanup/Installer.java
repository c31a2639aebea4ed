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
        Log.configure(config.logLevel(), config.log());
        // Here, before anything may say that nothing is installed: a misspelt key is often why.
        for (String unknown : config.unknownKeys()) {
            Log.warn("{}", unknown);
        }
        if (!config.enabled()) {
            Log.noApplication();
            Log.info("hibernate-file-cleanup {} disabled (filecleanup.enabled=false): nothing installed", version());
            return;
        }
        if (config.roots().isEmpty()) {
            Log.noApplication();
            Log.warn("hibernate-file-cleanup {}: no storage roots configured (filecleanup.roots), so nothing will "
                    + "ever be deleted; nothing installed", version());
            return;
        }
        // Known now; with filecleanup.log=application they wait for the application's logging (see Log).
        for (String warning : config.warnings()) {
            Log.warn("{}", warning);
        }
        if (!late) {
            // A class, not a lambda: the JVM's first lambda costs premain milliseconds of method handles.
            boolean rollbackCleanup = config.rollbackCleanup() != null;
            instrumentation.addTransformer(new HibernateTrigger(new HibernateTrigger.Start() {
                @Override
                public ClassFileTransformer startWith(ClassLoader hibernate) {
                    // Before anything else, so that every line of the start goes where the application's go.
                    Log.useApplicationOf(hibernate);
                    if (!start(config)) {
                        return null;
                    }
                    Path cache = config.weaveCache() == null ? null : WovenCache.folder(config.weaveCache());
                    // Not Weaving::raw: resolving a method reference loads and verifies Weaving, and Byte Buddy with it.
                    return new WovenCache(cache, new Callable<>() {
                        @Override
                        public ClassFileTransformer call() {
                            return Weaving.raw(rollbackCleanup);
                        }
                    });
                }
            }, rollbackCleanup));
            return;
        }
        Log.useApplicationOf(loaderOfHibernate(instrumentation));
        if (start(config)) {
            Weaving.weave(instrumentation, config.rollbackCleanup() != null);
            Log.warn("attached to a running JVM: SessionFactories built before now are not watched");
        }
    }

    /** Opens the journal and starts the running agent; false, having said why, when nothing may be installed. */
    private static boolean start(AgentConfig config) {
        Journal journal;
        try {
            journal = Journals.open(config);
        } catch (IOException e) {
            Log.notInstalled("hibernate-file-cleanup {}: the journal cannot be used, so nothing is installed: {}",
                    version(), e.getMessage());
            return false;
        }
        FileCleanup cleanup = new FileCleanup(config, journal);
        cleanup.manage(new Management(cleanup, config.jmx(), config.micrometer()));
        Hooks.install(cleanup);
        Runtime.getRuntime().addShutdownHook(new Thread(cleanup::shutdown, "file-cleanup-shutdown"));
        Log.info("hibernate-file-cleanup {} installed on Java {}: roots {}, journal {}{}", version(),
                Runtime.version().feature(), config.roots(), journal,
                config.dryRun() ? ", dry run (nothing is deleted)" : "");
        return true;
    }

    /** On a late attach: the class loader of a Hibernate already loaded, else the application's class path. */
    private static ClassLoader loaderOfHibernate(Instrumentation instrumentation) {
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (type.getName().startsWith("org.hibernate.") && type.getClassLoader() != null) {
                return type.getClassLoader();
            }
        }
        return ClassLoader.getSystemClassLoader();
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
