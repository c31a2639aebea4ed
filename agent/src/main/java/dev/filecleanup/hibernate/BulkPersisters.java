package dev.filecleanup.hibernate;

import org.hibernate.persister.entity.EntityPersister;

/** What bulk statements ask of entity persisters, with calls whose signatures are the same from 5.6 to 7.4. */
public final class BulkPersisters {

    private BulkPersisters() {
    }

    /**
     * Whether {@code subclass} belongs to the same SessionFactory and maps a strict subclass of {@code persister}.
     * Persisters of other factories may come from another Hibernate, in another class loader: they are not ours.
     */
    public static boolean extendedBy(Object persister, Object subclass) {
        return subclass instanceof EntityPersister other && persister instanceof EntityPersister target
                && target != other && target.getFactory() == other.getFactory()
                && target.isSubclassEntityName(other.getEntityName());
    }
}
