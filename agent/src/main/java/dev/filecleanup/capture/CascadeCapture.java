package dev.filecleanup.capture;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Records the file values of the rows that database cascades delete with an entity's rows: for an entity action,
 * a StatelessSession delete and a bulk delete, just before its statement runs.
 */
public final class CascadeCapture {
    private final SessionTransactions transactions;

    public CascadeCapture(SessionTransactions transactions) {
        this.transactions = transactions;
    }

    /** The session of an entity action. */
    public static Object sessionOf(Object action) throws Throwable {
        return Getter.SESSION.of(action);
    }

    /** The id of an entity action's entity. */
    public static Object idOf(Object action) throws Throwable {
        return Getter.ID.of(action);
    }

    /** A bulk statement is about to run: if it deletes rows that database cascades follow, their ids are read. */
    public void bulkDeleting(Object query, BulkStatements.Bulk bulk, BulkStatements statements,
                             DatabaseCascades cascades, EntityStates states) throws Throwable {
        Object session = bulk.session();
        if (!bulk.deletes() || cascades.cascading(bulk.persister(), session, states).isEmpty()) {
            return;
        }
        List<Object> ids = new ArrayList<>();
        for (Object[] row : statements.select(query, null, List.of(bulk.idPath()))) {
            ids.add(row[0]);
        }
        deleting(session, bulk.persister(), ids, cascades, states);
    }

    /** The rows of {@code persister}'s entities with {@code ids} are about to be deleted in {@code session}. */
    public void deleting(Object session, Object persister, Collection<?> ids, DatabaseCascades cascades,
                         EntityStates states) throws Throwable {
        if (ids.isEmpty()) {
            return;
        }
        List<DatabaseCascades.Table> cascading = cascades.cascading(persister, session, states);
        if (cascading.isEmpty()) {
            return;
        }
        Connection connection = states.connection(session);
        Object tenant = Getter.TENANT.of(session);
        List<DatabaseCascades.Table> own = states.tables(persister);
        for (DatabaseCascades.Table table : cascading) {
            cascades.read(connection, own, table, ids,
                    (statement, index, id) -> states.bindId(persister, id, statement, index, session),
                    (column, value) -> transactions.record(session, new ReleasedFile(value, column.entity(),
                            column.attribute(), ReleasedFile.Cause.REMOVED, column.label(), tenant)));
        }
    }
}
