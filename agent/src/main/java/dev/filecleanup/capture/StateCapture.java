package dev.filecleanup.capture;

import dev.filecleanup.Log;

/**
 * Reads the file values an executed entity action released from the state arrays it carried, and records them
 * for the action's session. Runs on the host's thread: it copies strings and nothing more.
 */
public final class StateCapture {
    private final SessionTransactions transactions;

    public StateCapture(SessionTransactions transactions) {
        this.transactions = transactions;
    }

    /** A row was deleted; {@code deletedState} is its database state as Hibernate loaded it. */
    public void deleted(Object action, FileSlots slots, Object[] deletedState) throws Throwable {
        if (deletedState == null) {
            Log.warn("a {} was deleted without being loaded; its files are kept", slots.entity());
            return;
        }
        Object session = ActionSession.of(action);
        for (int i = 0; i < slots.size(); i++) {
            String value = FileValue.of(deletedState[slots.position(i)]);
            if (value != null) {
                transactions.record(session,
                        new ReleasedFile(value, slots.entity(), slots.attribute(i), ReleasedFile.Cause.REMOVED));
            }
        }
    }

    /** A row was updated; {@code previousState} is the database state it had before. */
    public void updated(Object action, FileSlots slots, Object[] previousState, Object[] state) throws Throwable {
        if (previousState == null) {
            Log.warn("a {} was updated without a loaded state; replaced files are kept", slots.entity());
            return;
        }
        Object session = null;
        for (int i = 0; i < slots.size(); i++) {
            String before = FileValue.of(previousState[slots.position(i)]);
            if (before != null && !before.equals(FileValue.of(state[slots.position(i)]))) {
                if (session == null) {
                    session = ActionSession.of(action);
                }
                transactions.record(session,
                        new ReleasedFile(before, slots.entity(), slots.attribute(i), ReleasedFile.Cause.REPLACED));
            }
        }
    }
}
