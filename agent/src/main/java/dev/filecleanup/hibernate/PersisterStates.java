package dev.filecleanup.hibernate;

import dev.filecleanup.capture.EntityStates;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Reads entities through their persister, with the calls whose signatures are the same on every line; a line
 * brings the two whose id type differs ({@code Serializable} on 5.6, {@code Object} later).
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
}
