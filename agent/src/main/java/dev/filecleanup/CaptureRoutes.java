package dev.filecleanup;

import dev.filecleanup.capture.BulkCapture;
import dev.filecleanup.capture.BulkStatements;
import dev.filecleanup.capture.CascadeCapture;
import dev.filecleanup.capture.DatabaseCascades;
import dev.filecleanup.capture.ElementCapture;
import dev.filecleanup.capture.ElementSlots;
import dev.filecleanup.capture.FileSlots;
import dev.filecleanup.capture.SessionTransactions;
import dev.filecleanup.capture.StateCapture;
import dev.filecleanup.catalog.FactoryModel;
import dev.filecleanup.catalog.FactoryWatch;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes what the advice reports on the host's thread to the capture of its shape: entity state, element
 * collections, StatelessSession, bulk statements and database cascades. Everything is looked up by the Hibernate
 * object the advice has at hand, so that entities and collections without file values cost a map lookup; an
 * entity delete also looks up its factory's cascades (cached per persister once their foreign keys are known).
 */
final class CaptureRoutes {
    /** Per entity persister with file attributes: its slots, and its factory's model. */
    private final Map<Object, Entity> entities = new ConcurrentHashMap<>();
    /** Per collection persister with file values in its elements: its slots, and its factory's model. */
    private final Map<Object, Elements> collections = new ConcurrentHashMap<>();
    private final Map<Object, FactoryModel> factories = new ConcurrentHashMap<>();
    /** Per SessionFactory with file values: the database cascades that may delete rows holding them. */
    private final Map<Object, DatabaseCascades> cascades = new ConcurrentHashMap<>();
    /** Per entity persister deleted so far, with or without file values: what its deletes cascade to. */
    private final Map<Object, Cascading> cascadingByPersister = new ConcurrentHashMap<>();
    private final BulkTargets bulkTargets = new BulkTargets();
    private final StateCapture state;
    private final ElementCapture elements;
    private final BulkCapture bulk;
    private final CascadeCapture cascade;
    /** {@code filecleanup.rollbackCleanup}: the values inserts and updates write are noted too. */
    private final boolean written;

    CaptureRoutes(SessionTransactions transactions) {
        this(transactions, false);
    }

    CaptureRoutes(SessionTransactions transactions, boolean written) {
        this.written = written;
        this.state = new StateCapture(transactions);
        this.elements = new ElementCapture(transactions);
        this.bulk = new BulkCapture(transactions);
        this.cascade = new CascadeCapture(transactions);
    }

    private record Entity(FileSlots slots, FactoryModel model) {
    }

    private record Elements(ElementSlots slots, FactoryModel model) {
    }

    /** Whether a persister's deletes cascade to rows with file values: {@code cascades} is null when they do not. */
    private record Cascading(DatabaseCascades cascades, FactoryModel model) {
    }

    void add(Object sessionFactory, FactoryWatch watch, FactoryModel model) {
        watch.slots().forEach((persister, slots) -> entities.put(persister, new Entity(slots, model)));
        watch.elements().forEach((persister, slots) -> collections.put(persister, new Elements(slots, model)));
        bulkTargets.add(watch);
        if (!watch.releasing().isEmpty()) {
            cascades.put(sessionFactory, new DatabaseCascades(watch.releasing()));
        }
        // Last: what is looked up by factory must find everything else of it in place.
        factories.put(sessionFactory, model);
    }

    void remove(Object sessionFactory, FactoryWatch watch) {
        FactoryModel model = factories.remove(sessionFactory);
        cascades.remove(sessionFactory);
        cascadingByPersister.values().removeIf(cascading -> cascading.model() == model);
        watch.slots().keySet().forEach(entities::remove);
        watch.elements().keySet().forEach(collections::remove);
        bulkTargets.remove(watch);
    }

    /** Whether entities of this persister have file attributes. */
    boolean watches(Object persister) {
        return entities.containsKey(persister);
    }

    /**
     * An entity's rows are about to be deleted: the rows database cascades delete with them are read, and so is
     * its own row when Hibernate never loaded it ({@code loaded}, its state, is null) or never fetched a lazy
     * file attribute.
     */
    void entityDeleting(Object action, Object persister, Object[] loaded) throws Throwable {
        Entity entity = entities.get(persister);
        if (entity != null && (loaded == null || entity.slots().anyUnfetched(loaded, entity.model().states()))) {
            state.deletingUnloaded(action, persister, entity.slots(), entity.model().states());
        }
        if (cascades.isEmpty()) {
            return;
        }
        Cascading cascading = cascadingByPersister.get(persister);
        if (cascading == null) {
            cascading = cascading(persister, CascadeCapture.sessionOf(action));
        }
        if (cascading.cascades() != null) {
            cascade.deleting(CascadeCapture.sessionOf(action), persister, List.of(CascadeCapture.idOf(action)),
                    cascading.cascades(), cascading.model().states());
        }
    }

    /**
     * Whether deleting the rows of {@code persister} makes the database delete rows holding file values: the first
     * time per persister, its factory's foreign keys are asked; after that, a map lookup answers.
     */
    private Cascading cascading(Object persister, Object session) throws Throwable {
        Object factory = StateCapture.factoryOf(session);
        FactoryModel model = factories.get(factory);
        DatabaseCascades found = cascades.get(factory);
        Cascading cascading = new Cascading(found == null
                || found.cascading(persister, session, model.states()).isEmpty() ? null : found, model);
        if (model != null) {
            cascadingByPersister.put(persister, cascading);
            if (factories.get(factory) != model) {
                cascadingByPersister.remove(persister); // closed meanwhile: keep none of its persisters
            }
        }
        return cascading;
    }

    void entityDeleted(Object action, Object persister, Object[] deletedState) throws Throwable {
        Entity entity = entities.get(persister);
        if (entity != null) {
            state.deleted(action, entity.slots(), deletedState);
        }
    }

    /** An insert is about to run (advised only with rollback cleanup): the file values it writes are noted. */
    void entityInserting(Object action, Object persister, Object[] insertedState) throws Throwable {
        Entity entity = entities.get(persister);
        if (entity != null && written) {
            state.written(action, entity.slots(), null, insertedState);
        }
    }

    /**
     * An update is about to run: a lazy file attribute it assigns without having fetched it is read first. With
     * rollback cleanup, the file values it assigns are noted.
     */
    void entityUpdating(Object action, Object persister, Object[] previousState, Object[] newState)
            throws Throwable {
        Entity entity = entities.get(persister);
        if (entity != null) {
            state.updating(action, persister, entity.slots(), previousState, newState, entity.model().states());
            if (written) {
                state.written(action, entity.slots(), previousState, newState);
            }
        }
    }

    void entityUpdated(Object action, Object persister, Object[] previousState, Object[] newState) throws Throwable {
        Entity entity = entities.get(persister);
        if (entity != null) {
            state.updated(action, entity.slots(), previousState, newState);
        }
    }

    /**
     * A StatelessSession is about to delete, update or upsert {@code entity}: its row is read first. With rollback
     * cleanup, what an update or upsert assigns is noted too.
     */
    void statelessWriting(Object session, String entityName, Object entity, boolean deleting) throws Throwable {
        Object factory = StateCapture.factoryOf(session);
        FactoryModel model = factories.get(factory);
        if (model == null) {
            return;
        }
        Object persister = model.states().persister(session, entityName, entity);
        Entity watched = persister == null ? null : entities.get(persister);
        if (watched != null) {
            state.statelessWriting(session, persister, entity, deleting, written && !deleting, watched.slots(),
                    model.states());
        }
        DatabaseCascades found = cascades.get(factory);
        if (deleting && persister != null && found != null) {
            Object id = model.states().id(persister, entity, session);
            cascade.deleting(session, persister, id == null ? List.of() : List.of(id), found, model.states());
        }
    }

    /** A collection action is about to run: {@code removing} every row of the collection, or updating them. */
    void collectionActing(Object action, boolean removing) throws Throwable {
        Object persister = ElementCapture.persisterOf(action);
        Elements watched = collections.get(persister);
        if (watched == null) {
            return;
        }
        elements.acting(action, persister, removing, watched.slots(), watched.model().collections());
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
     * An HQL, JPQL or Criteria statement is about to run. A bulk delete or update of an entity with file values,
     * its own or its subclasses', reads the rows it will touch; anything else costs a look at the statement.
     */
    void bulkExecuting(Object query) throws Throwable {
        Object factory = BulkCapture.factoryOf(query);
        FactoryModel model = factories.get(factory);
        if (model == null) {
            return;
        }
        BulkStatements.Bulk statement = model.bulk().describe(query);
        if (statement == null) {
            return;
        }
        List<BulkCapture.Target> targets = bulkTargets.of(statement.persister(), model.bulk());
        if (!targets.isEmpty()) {
            bulk.executing(query, statement, targets, model.bulk());
        }
        DatabaseCascades found = cascades.get(factory);
        if (found != null) {
            cascade.bulkDeleting(query, statement, model.bulk(), found, model.states());
        }
    }
}
