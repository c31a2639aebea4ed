package dev.filecleanup.capture;

import java.sql.SQLException;
import java.util.List;

/**
 * Reads element collections: a collection's stored snapshot and current elements, and its rows by owner key. Implemented once for every line, in the line's loader.
 */
public interface CollectionStates {

    boolean initialized(Object collection);

    /**
     * The elements as last loaded or flushed, whatever the collection's kind (list, set, map, array); null when
     * Hibernate keeps no snapshot (read-only) or enabled filters may hide rows from it.
     */
    Iterable<?> snapshot(Object collection, Object persister, Object session);

    /** The elements the collection holds now. */
    Iterable<?> current(Object collection, Object persister);

    /**
     * The values of {@code columns} in every row of the collection owned by {@code key}, read on the session's
     * own connection, so in its transaction; large objects come back as text.
     */
    List<Object[]> rows(Object persister, Object key, Object session, String[] columns) throws SQLException;
}
