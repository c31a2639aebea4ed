package dev.filecleanup.hibernate;

import dev.filecleanup.capture.DatabaseCascades;
import dev.filecleanup.capture.EntityStates;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.bytecode.enhance.spi.LazyPropertyInitializer;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Reads entities through their persister, with the calls whose signatures are the same on every line; a line
 * brings the two whose id type differs ({@code Serializable} on 5.6, {@code Object} later). The table calls are
 * declared by {@code AbstractEntityPersister} up to 6.x and by {@code EntityPersister} from 7.0: a call compiled
 * on the abstract class links on both.
 */
public abstract class PersisterStates implements EntityStates {

    @Override
    public final Object persister(Object session, String entityName, Object entity) {
        return ((SharedSessionContractImplementor) session).getEntityPersister(entityName, entity);
    }

    @Override
    public final Object[] values(Object persister, Object entity) {
        return ((EntityPersister) persister).getPropertyValues(entity);
    }

    @Override
    public final boolean unfetched(Object value) {
        return value == LazyPropertyInitializer.UNFETCHED_PROPERTY;
    }

    @Override
    public final Connection connection(Object session) {
        return ((SharedSessionContractImplementor) session).getJdbcCoordinator().getLogicalConnection()
                .getPhysicalConnection();
    }

    @Override
    public final List<DatabaseCascades.Table> tables(Object persister) {
        if (!(persister instanceof AbstractEntityPersister entity)) {
            return List.of();
        }
        List<DatabaseCascades.Table> tables = new ArrayList<>();
        for (int j = 0; j < entity.getTableSpan(); j++) {
            tables.add(new DatabaseCascades.Table(entity.getTableName(j), List.of(entity.getKeyColumns(j))));
        }
        return tables;
    }

    @Override
    public final int bindId(Object persister, Object id, PreparedStatement statement, int index, Object session)
            throws SQLException {
        AbstractEntityPersister entity = (AbstractEntityPersister) persister;
        entity.getIdentifierType().nullSafeSet(statement, id, index, (SharedSessionContractImplementor) session);
        return index + entity.getKeyColumns(0).length;
    }
}
