package dev.filecleanup;

/**
 * The only entry points that woven advice calls. Signatures use JDK types only, so the same advice works in any
 * class loader that can see this class; every method swallows its own failures, so nothing we do reaches the
 * host application.
 */
public final class Hooks {
    private static volatile FileCleanup cleanup;

    private Hooks() {
    }

    static void install(FileCleanup installed) {
        cleanup = installed;
    }

    public static void sessionFactoryCreated(Object sessionFactory) {
        try {
            cleanup.sessionFactoryCreated(sessionFactory);
        } catch (Throwable t) {
            Log.error("cannot watch a SessionFactory; its files will not be cleaned up", t);
        }
    }

    public static void sessionFactoryClosing(Object sessionFactory) {
        try {
            cleanup.sessionFactoryClosing(sessionFactory);
        } catch (Throwable t) {
            Log.error("failed to finish pending deletions of a closing SessionFactory", t);
        }
    }

    /**
     * An entity's row is about to be deleted by {@code action}: the rows database cascades delete with it are read,
     * and its own row too where {@code state} lacks file values: Hibernate never loaded it (a removed uninitialized
     * proxy, 6.2+) or never fetched a lazy attribute.
     */
    public static void entityDeleting(Object action, Object persister, Object[] state) {
        try {
            cleanup.routes().entityDeleting(action, persister, state);
        } catch (Throwable t) {
            Log.error("failed to read the files of rows about to be deleted; they are kept", t);
        }
    }

    /**
     * A row was deleted by {@code action}; {@code deletedState} is its database state as Hibernate loaded it.
     * The persister comes first: for entities without file attributes nothing else is touched.
     */
    public static void entityDeleted(Object action, Object persister, Object[] deletedState) {
        try {
            cleanup.routes().entityDeleted(action, persister, deletedState);
        } catch (Throwable t) {
            Log.error("failed to capture the files of a deleted entity; they are kept", t);
        }
    }

    /**
     * A row is about to be inserted by {@code action} with {@code state}; woven only with
     * {@code filecleanup.rollbackCleanup}, which checks its file values again if the transaction rolls back.
     */
    public static void entityInserting(Object action, Object persister, Object[] state) {
        try {
            cleanup.routes().entityInserting(action, persister, state);
        } catch (Throwable t) {
            Log.error("failed to note the files of an inserted entity; they are kept if its transaction rolls back",
                    t);
        }
    }

    /** A row is about to be updated by {@code action}: a lazy file attribute it assigns unfetched is read first. */
    public static void entityUpdating(Object action, Object persister, Object[] previousState, Object[] state) {
        try {
            cleanup.routes().entityUpdating(action, persister, previousState, state);
        } catch (Throwable t) {
            Log.error("failed to read the old value of a lazy file attribute; it is kept", t);
        }
    }

    /** A row was updated by {@code action}; {@code previousState} is the database state it had before. */
    public static void entityUpdated(Object action, Object persister, Object[] previousState, Object[] state) {
        try {
            cleanup.routes().entityUpdated(action, persister, previousState, state);
        } catch (Throwable t) {
            Log.error("failed to capture the files of an updated entity; they are kept", t);
        }
    }

    /**
     * A StatelessSession is about to delete ({@code deleting}), or to update or upsert, {@code entity}: the row's
     * file values are read before its SQL runs.
     */
    public static void statelessWriting(Object session, String entityName, Object entity, boolean deleting) {
        try {
            cleanup.routes().statelessWriting(session, entityName, entity, deleting);
        } catch (Throwable t) {
            Log.error("failed to read the files of a row a StatelessSession writes; they are kept", t);
        }
    }

    /**
     * A {@code CollectionRemoveAction} ({@code removing}) or {@code CollectionUpdateAction} is about to run: the
     * elements it releases are read from the collection's snapshot where it has one.
     */
    public static void collectionActing(Object action, boolean removing) {
        try {
            cleanup.routes().collectionActing(action, removing);
        } catch (Throwable t) {
            Log.error("failed to read the files of a collection's removed elements; they are kept", t);
        }
    }

    public static void collectionActionDone() {
        try {
            cleanup.routes().collectionActionDone();
        } catch (Throwable t) {
            Log.error("failed to finish reading a collection's removed elements", t);
        }
    }

    /** Every row of the collection of {@code persister} owned by {@code key} is about to be deleted. */
    public static void collectionRowsDeleting(Object persister, Object key, Object session) {
        try {
            cleanup.routes().collectionRowsDeleting(persister, key, session);
        } catch (Throwable t) {
            Log.error("failed to read the files of a collection's deleted rows; they are kept", t);
        }
    }

    /** An HQL, JPQL or Criteria statement is about to run: a bulk delete or update reads its rows first. */
    public static void bulkExecuting(Object query) {
        try {
            cleanup.routes().bulkExecuting(query);
        } catch (Throwable t) {
            Log.error("failed to read the files of the rows a bulk statement changes; they are kept", t);
        }
    }

    public static void transactionBegan(Object session) {
        try {
            cleanup.transactions().began(session);
        } catch (Throwable t) {
            Log.error("failed to reset a session's files at transaction start", t);
        }
    }

    public static void transactionCommitting(Object session) {
        try {
            cleanup.transactions().committing(session);
        } catch (Throwable t) {
            Log.error("failed to journal a committing transaction's files; they are handled in memory only", t);
        }
    }

    public static void transactionCompleted(Object session, boolean committed) {
        try {
            cleanup.transactions().completed(session, committed);
        } catch (Throwable t) {
            Log.error("failed to hand over a transaction's files; they are kept", t);
        }
    }
}
