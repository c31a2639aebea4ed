package dev.filecleanup.capture;

import java.util.ArrayList;
import java.util.List;

/**
 * Records the file values an HQL, JPQL or Criteria {@code delete} or {@code update} releases, before it runs:
 * the statement bypasses entity actions, so the rows it will touch are selected first, in its transaction, with
 * its restriction and parameters. A bulk update that assigns no file attribute, and a statement on an entity
 * without file values, cost nothing more than a look at the statement.
 */
public final class BulkCapture {
    /** Owner ids per statement that reads element collections. */
    static final int IDS_PER_STATEMENT = 500;

    private final SessionTransactions transactions;

    public BulkCapture(SessionTransactions transactions) {
        this.transactions = transactions;
    }

    /** The SessionFactory of the session an HQL query runs in. */
    public static Object factoryOf(Object query) throws Throwable {
        return Getter.FACTORY.of(Getter.QUERY_SESSION.of(query));
    }

    /**
     * {@code slots}: the target's file attributes, or null; {@code collections}: its element collections with
     * file values. A delete selects every file attribute, and the owners' ids when their collections go with them;
     * an update only the attributes it assigns.
     */
    public void executing(Object query, BulkStatements.Bulk bulk, FileSlots slots, List<ElementSlots> collections,
                          BulkStatements statements) throws Throwable {
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; slots != null && i < slots.size(); i++) {
            if (bulk.deletes() || assigns(bulk.assigned(), slots.attribute(i))) {
                chosen.add(i);
            }
        }
        boolean owners = bulk.deletes() && !collections.isEmpty() && statements.deletesCollections();
        if (chosen.isEmpty() && !owners) {
            return;
        }
        List<String> paths = new ArrayList<>();
        chosen.forEach(slot -> paths.add(slots.attribute(slot)));
        if (owners) {
            paths.add(bulk.idPath());
        }
        ReleasedFile.Cause cause = bulk.deletes() ? ReleasedFile.Cause.REMOVED : ReleasedFile.Cause.REPLACED;
        Object session = bulk.session();
        Object tenant = Getter.TENANT.of(session);
        List<Object> ids = new ArrayList<>();
        for (Object[] row : statements.select(query, paths)) {
            for (int j = 0; j < chosen.size(); j++) {
                String value = FileValue.of(row[j]);
                if (value != null) {
                    int slot = chosen.get(j);
                    transactions.record(session, new ReleasedFile(value, slots.entity(), slots.attribute(slot), cause,
                            slots.column(slot), tenant));
                }
            }
            if (owners) {
                ids.add(row[chosen.size()]);
            }
        }
        for (ElementSlots elements : owners ? collections : List.<ElementSlots>of()) {
            for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
                List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT));
                for (int slot = 0; slot < elements.size(); slot++) {
                    for (Object element : statements.elements(query, bulk, elements.collection(),
                            elements.insidePath(slot), chunk)) {
                        String value = FileValue.of(element);
                        if (value != null) {
                            transactions.record(session, new ReleasedFile(value, elements.entity(),
                                    elements.attribute(slot), cause, elements.column(slot), tenant));
                        }
                    }
                }
            }
        }
    }

    /** Whether an update assigning {@code assigned} changes {@code attribute}: itself or an enclosing embeddable. */
    private static boolean assigns(List<String> assigned, String attribute) {
        for (String path : assigned) {
            if (attribute.equals(path) || attribute.startsWith(path + ".")) {
                return true;
            }
        }
        return false;
    }
}
