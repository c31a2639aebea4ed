package dev.filecleanup.capture;

import dev.filecleanup.Log;

/**
 * Reads the file values an executed entity action released from the state arrays it carried, and records them
 * for the action's session. Runs on the host's thread: it copies strings, and where Hibernate carries no state
 * (an entity deleted without being loaded, a StatelessSession statement) it reads the row by id first, in the
 * host's transaction, as Hibernate itself would to load it.
 */
public final class StateCapture {
    private final SessionTransactions transactions;

    public StateCapture(SessionTransactions transactions) {
        this.transactions = transactions;
    }

    /** The SessionFactory of a Hibernate session. */
    public static Object factoryOf(Object session) throws Throwable {
        return Getter.FACTORY.of(session);
    }

    /** A row was deleted; {@code deletedState} is its database state as Hibernate loaded it. */
    public void deleted(Object action, FileSlots slots, Object[] deletedState) throws Throwable {
        if (deletedState != null) {
            record(action, null, slots, deletedState, null, ReleasedFile.Cause.REMOVED);
        }
    }

    /**
     * An entity Hibernate never loaded is about to be deleted (6.2+ deletes an uninitialized proxy without
     * loading it): read its row by id first, in the same transaction, without loading the entity.
     */
    public void deletingUnloaded(Object action, Object persister, FileSlots slots, EntityStates states)
            throws Throwable {
        Object session = Getter.SESSION.of(action);
        Object[] row = states.row(persister, Getter.ID.of(action), session);
        if (row != null) {
            record(null, session, slots, row, null, ReleasedFile.Cause.REMOVED);
        }
    }

    /**
     * An update is about to run. A lazy file attribute of a bytecode-enhanced entity that was never fetched is
     * missing from {@code previousState}: when the update assigns it, its old value is read from the row first.
     * Everything else is released from {@code previousState} once the update has run.
     */
    public void updating(Object action, Object persister, FileSlots slots, Object[] previousState, Object[] state,
                         EntityStates states) throws Throwable {
        if (previousState == null || state == null || !slots.assignsUnfetched(previousState, state, states)) {
            return;
        }
        Object session = Getter.SESSION.of(action);
        Object[] row = states.row(persister, Getter.ID.of(action), session);
        if (row != null) {
            record(null, session, slots, slots.withUnfetchedFrom(row, previousState, state, states), state,
                    ReleasedFile.Cause.REPLACED);
        }
    }

    /** A row was updated; {@code previousState} is the database state it had before. */
    public void updated(Object action, FileSlots slots, Object[] previousState, Object[] state) throws Throwable {
        if (previousState == null) {
            Log.warn("a {} was updated without a loaded state; replaced files are kept", slots.entity());
            return;
        }
        record(action, null, slots, previousState, state, ReleasedFile.Cause.REPLACED);
    }

    /**
     * An insert ({@code previousState} null) or an update is about to write {@code state}: its file values that
     * the row did not hold before are noted, to be checked after a delay if the transaction rolls back.
     */
    public void written(Object action, FileSlots slots, Object[] previousState, Object[] state) throws Throwable {
        if (state != null) {
            record(action, null, slots, state, previousState, ReleasedFile.Cause.WRITTEN);
        }
    }

    /**
     * A StatelessSession is about to delete ({@code deleting}) or to update or upsert {@code entity}: its SQL runs
     * at once, without actions or loaded state, so the row is read by id first. The entity may be a bare
     * instance holding only the id; only the row says which files it released. With {@code written} (rollback
     * cleanup), the values an update or upsert assigns that the row did not hold are noted too.
     */
    public void statelessWriting(Object session, Object persister, Object entity, boolean deleting, boolean written,
                                 FileSlots slots, EntityStates states) throws Throwable {
        Object id = states.id(persister, entity, session);
        Object[] row = id == null ? null : states.row(persister, id, session);
        Object[] values = deleting ? null : states.values(persister, entity);
        if (row != null) {
            record(null, session, slots, row, values,
                    deleting ? ReleasedFile.Cause.REMOVED : ReleasedFile.Cause.REPLACED);
        }
        if (written && values != null) {
            record(null, session, slots, values, row, ReleasedFile.Cause.WRITTEN);
        }
    }

    /**
     * Records each file value of {@code before} that {@code after} (null for a deleted row) does not hold, for
     * {@code session}, or when that is null the session of {@code action}, asked only once a value is released.
     */
    private void record(Object action, Object session, FileSlots slots, Object[] before, Object[] after,
                        ReleasedFile.Cause cause) throws Throwable {
        Object tenant = null;
        boolean tenantKnown = false;
        for (int i = 0; i < slots.size(); i++) {
            String value = slots.value(i, before);
            if (value != null && (after == null || !value.equals(slots.value(i, after)))) {
                if (!tenantKnown) {
                    session = session == null ? Getter.SESSION.of(action) : session;
                    tenant = Getter.TENANT.of(session);
                    tenantKnown = true;
                }
                transactions.record(session, new ReleasedFile(value, slots.entity(), slots.attribute(i), cause,
                        slots.column(i), tenant));
            }
        }
    }
}
