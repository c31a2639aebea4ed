package dev.filecleanup;

import dev.filecleanup.capture.BulkCapture;
import dev.filecleanup.capture.BulkStatements;
import dev.filecleanup.capture.ElementCapture;
import dev.filecleanup.capture.ElementSlots;
import dev.filecleanup.capture.FileSlots;
import dev.filecleanup.capture.SessionTransactions;
import dev.filecleanup.capture.StateCapture;
import dev.filecleanup.catalog.AttributeCatalog;
import dev.filecleanup.catalog.FactoryModel;
import dev.filecleanup.catalog.FactoryWatch;
import dev.filecleanup.catalog.FileColumn;
import dev.filecleanup.cleanup.Counters;
import dev.filecleanup.cleanup.DeletionQueue;
import dev.filecleanup.config.AgentConfig;
import dev.filecleanup.line.HibernateLine;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running agent: ties the stages together (catalogue, capture, hand-off, cleanup). One instance per JVM,
 * created by {@link Installer}; advice reaches it through {@link Hooks}.
 */
final class FileCleanup {
    private final AgentConfig config;
    private final Counters counters = new Counters();
    /** Per entity persister with file attributes: its slots, and its factory for rows read by id. */
    private final Map<Object, Entity> catalog = new ConcurrentHashMap<>();
    /** Per collection persister with file values in its elements: its slots, and its factory for rows. */
    private final Map<Object, Elements> collections = new ConcurrentHashMap<>();
    /** Per entity persister, the element slots of its collections with file values: a bulk delete reads them. */
    private final Map<Object, List<ElementSlots>> owned = new ConcurrentHashMap<>();
    private final Map<Object, Watched> factories = new ConcurrentHashMap<>();
    private final Set<String> matchedSelectors = ConcurrentHashMap.newKeySet();
    private final DeletionQueue queue;
    private final SessionTransactions transactions;
    private final StateCapture capture;
    private final ElementCapture elements;
    private final BulkCapture bulk;

    FileCleanup(AgentConfig config) {
        this.config = config;
        this.queue = new DeletionQueue(config.roots(), config.dryRun(), counters);
        this.transactions = new SessionTransactions(queue::submit);
        this.capture = new StateCapture(transactions);
        this.elements = new ElementCapture(transactions);
        this.bulk = new BulkCapture(transactions);
    }

    void sessionFactoryCreated(Object sessionFactory) throws ReflectiveOperationException {
        ClassLoader loader = sessionFactory.getClass().getClassLoader();
        HibernateLine line = HibernateLine.of(loader);
        if (line != null) {
            watch(sessionFactory, line, line.newReader(loader).read(sessionFactory));
        }
    }

    /** Catalogues one SessionFactory's model; separate from reading it, so that tests can bring their own. */
    void watch(Object sessionFactory, HibernateLine line, FactoryModel model) {
        FactoryWatch watch = AttributeCatalog.build(model, config.attributes(), config.excludes());
        // A selector for another persistence unit's entities is no mistake: it is reported only while no
        // factory built so far has used it.
        matchedSelectors.addAll(watch.matched());
        watch.unmatched().forEach((selector, problem) -> {
            if (!matchedSelectors.contains(selector)) {
                Log.warn("SessionFactory '{}': {}", watch.name(), problem);
            }
        });
        Log.info("Hibernate {} (line {}), SessionFactory '{}': watching {}", watch.version(), line.id(),
                watch.name(), watch.watched().isEmpty() ? "no file attributes" : String.join(", ", watch.watched()));
        Log.debug("SessionFactory '{}': reference columns {}", watch.name(),
                watch.columns().stream().map(FileColumn::label).toList());
        if (!watch.columns().isEmpty()) {
            // The columns first: a file is never captured from a factory whose rows are not yet read by the check.
            queue.watch(sessionFactory, watch.name(), model, watch.columns());
            factories.put(sessionFactory, new Watched(watch, model));
            watch.slots().forEach((persister, slots) -> catalog.put(persister, new Entity(slots, model)));
            watch.elements().forEach((persister, slots) -> collections.put(persister, new Elements(slots, model)));
            owned.putAll(watch.owned());
        }
    }

    /**
     * A factory closes. Its rows still protect their files: if its connections close with it, the pending
     * checks that need them run first, within the configured bound.
     */
    void sessionFactoryClosing(Object sessionFactory) {
        Watched watched = factories.remove(sessionFactory);
        if (watched == null) {
            return;
        }
        if (!watched.model().outlivesFactory() && !queue.awaitIdle(config.shutdownTimeout())) {
            Log.warn("SessionFactory '{}' closed with deletions still pending; their files are kept",
                    watched.watch().name());
        }
        queue.closed(sessionFactory);
        watched.watch().slots().keySet().forEach(catalog::remove);
        watched.watch().elements().keySet().forEach(collections::remove);
        watched.watch().owned().keySet().forEach(owned::remove);
    }

    private record Watched(FactoryWatch watch, FactoryModel model) {
    }

    private record Entity(FileSlots slots, FactoryModel model) {
    }

    private record Elements(ElementSlots slots, FactoryModel model) {
    }

    /** Whether entities of this persister have file attributes; all that other entities ever cost. */
    boolean watches(Object persister) {
        return catalog.containsKey(persister);
    }

    /** An entity that Hibernate never loaded is about to be deleted: its file values come from its row. */
    void entityDeleting(Object action, Object persister) throws Throwable {
        Entity entity = catalog.get(persister);
        if (entity != null) {
            capture.deletingUnloaded(action, persister, entity.slots(), entity.model().states());
        }
    }

    /**
     * A StatelessSession is about to delete, update or upsert {@code entity}. Its SQL runs at once, outside any
     * action, so the row is read first; entities without file attributes cost a persister lookup.
     */
    void statelessWriting(Object session, String entityName, Object entity, boolean deleting) throws Throwable {
        Watched watched = factories.get(StateCapture.factoryOf(session));
        if (watched == null) {
            return;
        }
        Object persister = watched.model().states().persister(session, entityName, entity);
        Entity watchedEntity = persister == null ? null : catalog.get(persister);
        if (watchedEntity != null) {
            capture.statelessWriting(session, persister, entity, deleting, watchedEntity.slots(),
                    watched.model().states());
        }
    }

    void entityDeleted(Object action, Object persister, Object[] deletedState) throws Throwable {
        Entity entity = catalog.get(persister);
        if (entity != null) {
            capture.deleted(action, entity.slots(), deletedState);
        }
    }

    void entityUpdated(Object action, Object persister, Object[] previousState, Object[] state) throws Throwable {
        Entity entity = catalog.get(persister);
        if (entity != null) {
            capture.updated(action, entity.slots(), previousState, state);
        }
    }

    /**
     * A collection action is about to run ({@code removing}: every row of the collection goes, else its rows are
     * brought up to date). Collections without file values cost a map lookup.
     */
    void collectionActing(Object action, boolean removing) throws Throwable {
        Object persister = ElementCapture.persisterOf(action);
        Elements watched = collections.get(persister);
        if (watched == null) {
            return;
        }
        if (removing) {
            elements.removing(action, persister, watched.slots(), watched.model().collections());
        } else {
            elements.updating(action, persister, watched.slots(), watched.model().collections());
        }
    }

    void collectionActionDone() {
        elements.actionDone();
    }

    /** Hibernate is about to delete every row of the collection of {@code persister} owned by {@code key}. */
    void collectionRowsDeleting(Object persister, Object key, Object session) throws Throwable {
        Elements watched = collections.get(persister);
        if (watched != null) {
            elements.rowsDeleting(persister, key, session, watched.slots(), watched.model().collections());
        }
    }

    /**
     * An HQL, JPQL or Criteria statement is about to run. A bulk delete or update of an entity with file values
     * reads the rows it will touch; anything else costs a look at the statement.
     */
    void bulkExecuting(Object query) throws Throwable {
        Watched watched = factories.get(BulkCapture.factoryOf(query));
        if (watched == null) {
            return;
        }
        BulkStatements statements = watched.model().bulk();
        BulkStatements.Bulk statement = statements.describe(query);
        if (statement == null) {
            return;
        }
        Entity entity = catalog.get(statement.persister());
        List<ElementSlots> ownedElements = owned.getOrDefault(statement.persister(), List.of());
        if (entity != null || !ownedElements.isEmpty()) {
            bulk.executing(query, statement, entity == null ? null : entity.slots(), ownedElements, statements);
        }
    }

    SessionTransactions transactions() {
        return transactions;
    }

    Counters counters() {
        return counters;
    }

    /** At JVM exit: finish what is pending, within the configured bound, and summarise. */
    void shutdown() {
        if (!queue.awaitIdle(config.shutdownTimeout())) {
            Log.warn("{} transaction(s) still pending at exit after {}s; their files are kept",
                    queue.pending(), config.shutdownTimeout().toSeconds());
        }
        Log.info("summary: {}", counters.summary(config.dryRun()));
    }
}
