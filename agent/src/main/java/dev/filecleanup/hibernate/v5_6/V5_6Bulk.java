package dev.filecleanup.hibernate.v5_6;

import dev.filecleanup.capture.BulkStatements;
import dev.filecleanup.hibernate.BulkPersisters;
import dev.filecleanup.hibernate.PublicMethods;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Bulk statements of Hibernate 5.6, whose HQL (Criteria {@code delete} and {@code update} included) is a string:
 * {@code delete [from] E [[as] a] [where R]} becomes {@code select a.x from E a where R}, with the same
 * parameters. 5.6's query classes do not exist in the 7.4 this compiles against: they are called by reflection.
 */
final class V5_6Bulk implements BulkStatements {

    @Override
    public Bulk describe(Object query) {
        BulkHql hql = BulkHql.parse((String) call(query, "getQueryString"));
        if (hql == null) {
            return null;
        }
        Object session = call(query, "getProducer");
        Object metamodel = call(call(session, "getFactory"), "getMetamodel");
        Object imported = call(metamodel, "getImportedClassName", new Class<?>[] {String.class}, hql.entity());
        EntityPersister persister;
        try {
            persister = (EntityPersister) call(metamodel, "entityPersister", new Class<?>[] {String.class},
                    imported == null ? hql.entity() : imported);
        } catch (RuntimeException e) {
            return null; // not an entity of this factory: a polymorphic query over an interface, for one
        }
        return new Bulk(persister, !hql.update(), hql.assigned(), session, persister.getIdentifierPropertyName());
    }

    /** 5.6 deletes only many-to-many rows with the targets, never element collections. */
    @Override
    public boolean deletesCollections() {
        return false;
    }

    @Override
    public boolean extendedBy(Object persister, Object subclass) {
        return BulkPersisters.extendedBy(persister, subclass);
    }

    /** A subclass's rows are those of {@code from Subclass a where R}: the restriction holds for its attributes too. */
    @Override
    public List<Object[]> select(Object query, Object treatAs, List<String> paths) {
        BulkHql hql = BulkHql.parse((String) call(query, "getQueryString"));
        Map<String, Object> parameters = new LinkedHashMap<>();
        String from = treatAs == null ? hql.entity() : ((EntityPersister) treatAs).getEntityName();
        String select = hql.select(from, paths, (name, ordinal) -> parameters.put(name, ordinal == null
                ? call(query, "getParameterValue", new Class<?>[] {String.class}, name)
                : call(query, "getParameterValue", new Class<?>[] {int.class}, ordinal)));
        Object rows = call(call(query, "getProducer"), "createQuery", new Class<?>[] {String.class}, select);
        parameters.forEach((name, value) -> {
            if (value instanceof Collection<?> values) {
                call(rows, "setParameterList", new Class<?>[] {String.class, Collection.class}, name, values);
            } else {
                call(rows, "setParameter", new Class<?>[] {String.class, Object.class}, name, value);
            }
        });
        List<Object[]> result = new ArrayList<>();
        for (Object row : (List<?>) call(rows, "list")) {
            result.add(row instanceof Object[] values ? values : new Object[] {row});
        }
        return result;
    }

    @Override
    public List<Object> elements(Bulk bulk, Object owner, String collection, String inside, Collection<?> ids) {
        return List.of();
    }

    private static Object call(Object target, String method, Object... arguments) {
        return PublicMethods.call(target.getClass(), target, method, arguments);
    }

    /** A call of the public method with exactly these parameter types: some names are overloaded. */
    private static Object call(Object target, String method, Class<?>[] types, Object... arguments) {
        try {
            return target.getClass().getMethod(method, types).invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
