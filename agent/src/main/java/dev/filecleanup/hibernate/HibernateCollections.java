package dev.filecleanup.hibernate;

import dev.filecleanup.capture.CollectionStates;
import dev.filecleanup.capture.HostReads;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.collection.AbstractCollectionPersister;
import org.hibernate.persister.collection.CollectionPersister;

/** Reads element collections with calls whose signatures are the same from 5.6 to 7.4. */
public final class HibernateCollections implements CollectionStates {
    /** The collection persisters whose read by owner key has worked once: it runs without a savepoint. */
    private final Set<Object> verified = ConcurrentHashMap.newKeySet();
    @Override
    public boolean initialized(Object collection) {
        return ((PersistentCollection<?>) collection).wasInitialized();
    }

    @Override
    public Iterable<?> snapshot(Object collection, Object persister, Object session) {
        if (((CollectionPersister) persister).isAffectedByEnabledFilters((SharedSessionContractImplementor) session)) {
            return null; // the snapshot may miss rows that a filter hides, and every row is deleted
        }
        Object snapshot = ((PersistentCollection<?>) collection).getStoredSnapshot();
        if (snapshot instanceof Map<?, ?> map) {
            return map.values();
        }
        if (snapshot instanceof Collection<?> elements) {
            return elements;
        }
        return snapshot instanceof Object[] array ? Arrays.asList(array) : null;
    }

    @Override
    public Iterable<?> current(Object collection, Object persister) {
        PersistentCollection<?> persistent = (PersistentCollection<?>) collection;
        List<Object> elements = new ArrayList<>();
        for (Iterator<?> entries = persistent.entries((CollectionPersister) persister); entries.hasNext(); ) {
            elements.add(persistent.getElement(entries.next()));
        }
        return elements;
    }

    @Override
    public List<Object[]> rows(Object persister, Object key, Object session, String[] columns) throws SQLException {
        AbstractCollectionPersister collection = (AbstractCollectionPersister) persister;
        SharedSessionContractImplementor owner = (SharedSessionContractImplementor) session;
        StringBuilder sql = new StringBuilder("select ").append(String.join(", ", columns))
                .append(" from ").append(collection.getTableName()).append(" where ");
        String[] keys = collection.getKeyColumnNames();
        for (int i = 0; i < keys.length; i++) {
            sql.append(i == 0 ? "" : " and ").append(keys[i]).append(" = ?");
        }
        // The session's own connection: the rows as its transaction sees them, just before it deletes them.
        Connection connection = owner.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection();
        List<Object[]> rows = HostReads.guarded(connection, verified.contains(persister), () -> HostReads.rows(
                connection, sql.toString(), statement -> collection.getKeyType().nullSafeSet(statement, key, 1, owner),
                new boolean[columns.length]));
        verified.add(persister);
        return rows;
    }
}
