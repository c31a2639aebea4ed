package dev.filecleanup;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running agent: ties the catalog of file attributes, the per-session captures and the deletion queue
 * together. One instance per JVM, created by {@link Installer}; advice reaches it through {@link Hooks}.
 */
final class FileCleanup {
    private final AgentConfig config;
    private final Map<Object, FileSlots> catalog = new ConcurrentHashMap<>();
    private final Map<Object, FactoryWatch> factories = new ConcurrentHashMap<>();
    private final SafeDeleter deleter;
    private final DeletionQueue queue;
    private final SessionTransactions transactions;

    FileCleanup(AgentConfig config) {
        this.config = config;
        this.deleter = new SafeDeleter(new StorageRoots(config.roots()), config.dryRun());
        this.queue = new DeletionQueue(deleter);
        this.transactions = new SessionTransactions(queue);
    }

    void sessionFactoryCreated(Object sessionFactory) throws ReflectiveOperationException {
        ClassLoader loader = sessionFactory.getClass().getClassLoader();
        HibernateLine line = HibernateLine.of(loader);
        if (line == null) {
            return;
        }
        FactoryModel model = line.newReader(loader).read(sessionFactory);
        FactoryWatch watch = AttributeCatalog.build(model, config.attributes(), config.excludes());
        for (String problem : watch.unmatched()) {
            Log.warn("SessionFactory '{}': {}", watch.name(), problem);
        }
        Log.info("Hibernate {}, SessionFactory '{}': watching {}", watch.version(), watch.name(),
                watch.watched().isEmpty() ? "no file attributes" : String.join(", ", watch.watched()));
        if (!watch.slots().isEmpty()) {
            catalog.putAll(watch.slots());
            factories.put(sessionFactory, watch);
            queue.register(sessionFactory, watch.lookup());
        }
    }

    /** Pending deletions need this factory for their reference check, so they run before it closes. */
    void sessionFactoryClosing(Object sessionFactory) {
        FactoryWatch watch = factories.remove(sessionFactory);
        if (watch == null) {
            return;
        }
        if (!queue.awaitIdle(config.shutdownTimeout())) {
            Log.warn("SessionFactory '{}' closed with deletions still pending; their files are kept", watch.name());
        }
        queue.unregister(sessionFactory);
        watch.slots().keySet().forEach(catalog::remove);
    }

    FileSlots slots(Object persister) {
        return catalog.get(persister);
    }

    SessionTransactions transactions() {
        return transactions;
    }

    /** At JVM exit: finish what is pending, within the configured bound, and summarise. */
    void shutdown() {
        boolean drained = queue.awaitIdle(config.shutdownTimeout());
        if (!drained) {
            Log.warn("{} transaction(s) still pending at exit after {}s; their files are kept",
                    queue.pending(), config.shutdownTimeout().toSeconds());
        }
        Log.info("summary: {} deleted{}, {} kept (still referenced or unchecked), {} refused, {} failed, "
                        + "{} reference queries",
                deleter.deleted.get(), config.dryRun() ? " (dry run)" : "", queue.kept.get(),
                deleter.refused.get(), deleter.failed.get(), queue.statementsRun());
    }
}
