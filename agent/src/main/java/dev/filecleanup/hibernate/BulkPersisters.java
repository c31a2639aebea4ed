package dev.filecleanup.hibernate;

import org.hibernate.persister.entity.EntityPersister;

/** What bulk statements ask of entity persisters, with calls whose signatures are the same from 5.6 to 7.4. */
public final class BulkPersisters {

    private BulkPersisters() {
    }

    /** Whether {@code subclass} belongs to the same SessionFactory and maps a strict subclass of {@code persister}. */
    public static boolean extendedBy(Object persister, Object subclass) {
        EntityPersister target = (EntityPersister) persister;
        EntityPersister other = (EntityPersister) subclass;
        return target != other && target.getFactory() == other.getFactory()
                && target.isSubclassEntityName(other.getEntityName());
    }
}
