package dev.filecleanup.capture;

import dev.filecleanup.Log;

/**
 * Reads the file values an executed entity action released from the state arrays it carried, and records them
 * for the action's session. Runs on the host's thread: it copies strings, and for an entity deleted without being
 * loaded it reads that row by id first, in the host's transaction, as Hibernate itself would to load it.
 */
public final class StateCapture {
    private final SessionTransactions transactions;

    public StateCapture(SessionTransactions transactions) {
        this.transactions = transactions;
    }

    /** Reads a row's state by id, for an entity deleted without being loaded. */
    public interface RowReader {
        Object[] read(Object persister, Object id, Object session);
    }

    /** A row was deleted; {@code deletedState} is its database state as Hibernate loaded it. */
    public void deleted(Object action, FileSlots slots, Object[] deletedState) throws Throwable {
        if (deletedState != null) {
            record(action, slots, deletedState, null, ReleasedFile.Cause.REMOVED);
        }
    }

    /**
     * An entity Hibernate never loaded is about to be deleted (6.2+ deletes an uninitialized proxy without
     * loading it): read its row by id first, in the same transaction, without loading the entity.
     */
    public void deletingUnloaded(Object action, Object persister, FileSlots slots, RowReader rows)
            throws Throwable {
        Object[] state = rows.read(persister, Getter.ID.of(action), Getter.SESSION.of(action));
        if (state != null) {
            record(action, slots, state, null, ReleasedFile.Cause.REMOVED);
        }
    }

    /** A row was updated; {@code previousState} is the database state it had before. */
    public void updated(Object action, FileSlots slots, Object[] previousState, Object[] state) throws Throwable {
        if (previousState == null) {
            Log.warn("a {} was updated without a loaded state; replaced files are kept", slots.entity());
            return;
        }
        record(action, slots, previousState, state, ReleasedFile.Cause.REPLACED);
    }

    /** Records each file value of {@code before} that {@code after} (null for a deleted row) no longer holds. */
    private void record(Object action, FileSlots slots, Object[] before, Object[] after, ReleasedFile.Cause cause)
            throws Throwable {
        Object session = null;
        Object tenant = null;
        for (int i = 0; i < slots.size(); i++) {
            String value = slots.value(i, before);
            if (value != null && (after == null || !value.equals(slots.value(i, after)))) {
                if (session == null) {
                    session = Getter.SESSION.of(action);
                    tenant = Getter.TENANT.of(session);
                }
                transactions.record(session, new ReleasedFile(value, slots.entity(), slots.attribute(i), cause,
                        slots.column(i), tenant));
            }
        }
    }
}
