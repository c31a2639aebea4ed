package dev.filecleanup.hibernate.v5_6;

import dev.filecleanup.capture.FileValue;
import dev.filecleanup.catalog.FactoryModel;
import dev.filecleanup.catalog.MappedAttribute;
import dev.filecleanup.hibernate.SessionFactoryModel;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.Type;

/**
 * Reads the persisters of Hibernate 5.6 (javax and jakarta). This package compiles against Hibernate 7, so it
 * calls directly only what has the same signature in 5.6, and reaches the three 5.6-only methods it needs
 * ({@code getMetamodel().entityPersisters()}, {@code getPropertyTableName}, a converter's
 * {@code toRelationalValue}) by reflection.
 */
public final class V5_6Reader implements FactoryModel.Reader {

    @Override
    public FactoryModel read(Object sessionFactory) {
        SessionFactoryImplementor factory = (SessionFactoryImplementor) sessionFactory;
        List<MappedAttribute> attributes = new ArrayList<>();
        for (EntityPersister persister : persisters(factory).values()) {
            String[] names = persister.getPropertyNames();
            Type[] types = persister.getPropertyTypes();
            for (int i = 0; i < names.length; i++) {
                String[] columns = persister instanceof AbstractEntityPersister entity
                        ? entity.getPropertyColumnNames(names[i]) : null;
                boolean basic = !types[i].isAssociationType() && !types[i].isComponentType()
                        && columns != null && columns.length == 1 && columns[0] != null;
                Class<?> javaType = basic ? types[i].getReturnedClass() : null;
                attributes.add(new MappedAttribute(persister, persister.getMappedClass(), persister.getEntityName(),
                        names[i], i, javaType,
                        basic ? invoke(persister, "getPropertyTableName", names[i]).toString() : null,
                        basic ? columns[0] : null,
                        basic ? toColumnValue(types[i], javaType) : null));
            }
        }
        return new SessionFactoryModel(factory, attributes);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, EntityPersister> persisters(SessionFactoryImplementor factory) {
        return (Map<String, EntityPersister>) invoke(invoke(factory, "getMetamodel"), "entityPersisters");
    }

    /** Path and File attributes need a converter in 5.6; apply it to find the value the column holds. */
    private static Function<String, Object> toColumnValue(Type type, Class<?> javaType) {
        if (!FileValue.isFileType(javaType)) {
            return value -> value;
        }
        Object converter = invoke(type, "getAttributeConverter");
        return value -> FileValue.toJdbc(
                invoke(converter, "toRelationalValue", FileValue.toAttribute(value, javaType)));
    }

    private static Object invoke(Object target, String method, Object... arguments) {
        try {
            for (Method candidate : target.getClass().getMethods()) {
                if (candidate.getName().equals(method) && candidate.getParameterCount() == arguments.length) {
                    return candidate.invoke(target, arguments);
                }
            }
            throw new NoSuchMethodException(target.getClass().getName() + "." + method);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("unexpected Hibernate 5.6 API: " + e, e);
        }
    }
}
