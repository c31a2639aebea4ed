package dev.filecleanup.capture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads one entity's persister, id, current values and database row: what a line's reader knows how to call.
 * Capture needs it where Hibernate's actions carry no state: an entity deleted without being loaded, and the
 * statements of a StatelessSession; database cascades need its tables and key. Values are indexed like
 * Hibernate's state arrays.
 */
public interface EntityStates {

    /** The persister of {@code entity}, as {@code session} resolves it for {@code entityName} (may be null). */
    Object persister(Object session, String entityName, Object entity);

    Object id(Object persister, Object entity, Object session);

    /** The entity's values as they are in memory. */
    Object[] values(Object persister, Object entity);

    /** The row's state, read by id in the session's transaction; null when there is no such row. */
    Object[] row(Object persister, Object id, Object session);

    /**
     * Whether a state array holds, instead of a value, Hibernate's mark for a lazy attribute of a bytecode-enhanced
     * entity that was never fetched.
     */
    boolean unfetched(Object value);

    /** The session's JDBC connection, on which its transaction runs. */
    Connection connection(Object session);

    /** The tables an entity's row spans (JOINED superclasses' and secondary tables included), with their keys. */
    List<DatabaseCascades.Table> tables(Object persister);

    /** Binds {@code id} as the entity's key columns from {@code index} on; returns the next free index. */
    int bindId(Object persister, Object id, PreparedStatement statement, int index, Object session)
            throws SQLException;
}
