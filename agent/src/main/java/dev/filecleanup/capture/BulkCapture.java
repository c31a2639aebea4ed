package dev.filecleanup.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
     * What a bulk statement on one entity may release from the rows of one type: the target itself
     * ({@code treatAs} null) or one of its subclasses, with the file attributes and element collections that a
     * target earlier in the list (a superclass) does not already read.
     *
     * @param treatAs     the subclass's persister, or null for the target
     * @param slots       its file attributes, or null
     * @param covered     the attributes of {@code slots} that an earlier target reads
     * @param collections its element collections with file values that no earlier target reads
     */
    public record Target(Object treatAs, FileSlots slots, Set<String> covered, List<ElementSlots> collections) {
    }

    /**
     * Reads, for each target, what the statement releases: a delete selects every file attribute, and the
     * owners' ids when their collections go with them; an update only the attributes it assigns.
     */
    public void executing(Object query, BulkStatements.Bulk bulk, List<Target> targets, BulkStatements statements)
            throws Throwable {
        Object tenant = null;
        boolean tenantKnown = false;
        for (Target target : targets) {
            FileSlots slots = target.slots();
            List<Integer> chosen = new ArrayList<>();
            for (int i = 0; slots != null && i < slots.size(); i++) {
                if (!target.covered().contains(slots.attribute(i))
                        && (bulk.deletes() || assigns(bulk.assigned(), slots.attribute(i)))) {
                    chosen.add(i);
                }
            }
            boolean owners = bulk.deletes() && !target.collections().isEmpty() && statements.deletesCollections();
            if (chosen.isEmpty() && !owners) {
                continue;
            }
            if (!tenantKnown) {
                tenant = Getter.TENANT.of(bulk.session());
                tenantKnown = true;
            }
            read(query, bulk, target, chosen, owners, statements, tenant);
        }
    }

    private void read(Object query, BulkStatements.Bulk bulk, Target target, List<Integer> chosen, boolean owners,
                      BulkStatements statements, Object tenant) {
        FileSlots slots = target.slots();
        List<String> paths = new ArrayList<>();
        chosen.forEach(slot -> paths.add(slots.attribute(slot)));
        if (owners) {
            paths.add(bulk.idPath());
        }
        ReleasedFile.Cause cause = bulk.deletes() ? ReleasedFile.Cause.REMOVED : ReleasedFile.Cause.REPLACED;
        Object session = bulk.session();
        List<Object> ids = new ArrayList<>();
        for (Object[] row : statements.select(query, target.treatAs(), paths)) {
            for (int j = 0; j < chosen.size(); j++) {
                String value = FileValue.of(row[j]);
                if (value != null) {
                    int slot = chosen.get(j);
                    transactions.record(session, new ReleasedFile(value, slots.entity(), slots.attribute(slot), cause,
                            slots.column(slot), tenant));
                }
            }
            if (owners && row[chosen.size()] != null) {
                ids.add(row[chosen.size()]);
            }
        }
        Object owner = target.treatAs() == null ? bulk.persister() : target.treatAs();
        for (ElementSlots elements : owners ? target.collections() : List.<ElementSlots>of()) {
            for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
                List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT));
                for (int slot = 0; slot < elements.size(); slot++) {
                    for (Object element : statements.elements(bulk, owner, elements.collection(),
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
