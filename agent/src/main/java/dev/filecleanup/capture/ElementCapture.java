package dev.filecleanup.capture;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records the file values that element collections release, before Hibernate deletes their rows: an element
 * removed, the collection replaced or cleared, its owner removed. The collection's rows may still wait in a JDBC
 * batch when an action returns, so everything is read on entry. Where Hibernate holds the old elements (the
 * stored snapshot of an initialized collection), they are used; otherwise the rows are read by owner key on the
 * session's connection just before they are deleted.
 */
public final class ElementCapture {
    private final SessionTransactions transactions;
    /** The collection persister whose deleted rows the action running on this thread has already accounted for. */
    private final ThreadLocal<Object> accounted = new ThreadLocal<>();

    public ElementCapture(SessionTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * A {@code CollectionRemoveAction} ({@code removing}) or {@code CollectionUpdateAction} is about to run. A
     * remove deletes every row of a collection: the old collection of a replaced one, or the collection of a
     * removed owner. An update, however it writes (rows deleted, updated, or all deleted and inserted again),
     * leaves the rows holding the current elements. Either way, what the snapshot held and no element holds
     * afterwards is released. An uninitialized collection writes nothing here; without a usable snapshot, the
     * rows are read when they are deleted.
     */
    public void acting(Object action, Object persister, boolean removing, ElementSlots slots,
                       CollectionStates states) throws Throwable {
        Object collection = Getter.ACTION_COLLECTION.of(action);
        if (collection == null || !states.initialized(collection)) {
            return;
        }
        Object session = Getter.ACTION_SESSION.of(action);
        Iterable<?> snapshot = states.snapshot(collection, persister, session);
        if (snapshot == null) {
            return;
        }
        Set<String> kept = new HashSet<>();
        for (Object element : removing ? List.of() : states.current(collection, persister)) {
            for (int i = 0; i < slots.size(); i++) {
                kept.add(slots.value(i, element));
            }
        }
        release(session, slots, snapshot, kept);
        accounted.set(persister);
    }

    /** The collection persister of a collection action. */
    public static Object persisterOf(Object action) throws Throwable {
        return Getter.ACTION_PERSISTER.of(action);
    }

    /** The action has run, or failed. */
    public void actionDone() {
        accounted.remove();
    }

    /**
     * Hibernate is about to delete every row of the collection owned by {@code key}. Unless the running action
     * has accounted for them, they are read first: an owner removed without its collection ever being loaded, a
     * StatelessSession's statement.
     */
    public void rowsDeleting(Object persister, Object key, Object session, ElementSlots slots,
                             CollectionStates states) throws Throwable {
        if (accounted.get() == persister) {
            return;
        }
        Object tenant = Getter.TENANT.of(session);
        for (Object[] row : states.rows(persister, key, session, slots.physicalColumns())) {
            for (int i = 0; i < slots.size(); i++) {
                String value = slots.stored(i, row[i]);
                if (value != null) {
                    record(session, tenant, slots, i, value);
                }
            }
        }
    }

    private void release(Object session, ElementSlots slots, Iterable<?> elements, Set<String> kept)
            throws Throwable {
        Object tenant = Getter.TENANT.of(session);
        for (Object element : elements) {
            for (int i = 0; i < slots.size(); i++) {
                String value = slots.value(i, element);
                if (value != null && !kept.contains(value)) {
                    record(session, tenant, slots, i, value);
                }
            }
        }
    }

    private void record(Object session, Object tenant, ElementSlots slots, int slot, String value) {
        transactions.record(session, new ReleasedFile(value, slots.entity(), slots.attribute(slot),
                ReleasedFile.Cause.REMOVED, slots.column(slot), tenant));
    }
}
