package dev.filecleanup.catalog;

import java.lang.annotation.Annotation;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The names a selector may use for an entity: its Hibernate entity name and, for it and every superclass, the
 * qualified and simple class names and the JPA entity name. The JPA name is read from the {@code @Entity}
 * annotation by name, so javax and jakarta entities are treated alike.
 */
final class EntityNames {

    private EntityNames() {
    }

    static Set<String> of(Class<?> entityClass, String entityName) {
        Set<String> names = new LinkedHashSet<>();
        names.add(entityName);
        for (Class<?> type = entityClass; type != null && type != Object.class; type = type.getSuperclass()) {
            names.add(type.getName());
            names.add(type.getSimpleName());
            String jpaName = jpaName(type);
            if (jpaName != null) {
                names.add(jpaName);
            }
        }
        return names;
    }

    /** The name the log uses: the JPA entity name, which defaults to the simple class name (also when nested). */
    static String display(Class<?> entityClass, String entityName) {
        if (entityClass == null) {
            return entityName.substring(entityName.lastIndexOf('.') + 1);
        }
        String jpaName = jpaName(entityClass);
        return jpaName != null ? jpaName : entityClass.getSimpleName();
    }

    private static String jpaName(Class<?> type) {
        for (Annotation annotation : type.getDeclaredAnnotations()) {
            Class<? extends Annotation> annotationType = annotation.annotationType();
            if (annotationType.getName().endsWith(".persistence.Entity")) {
                try {
                    String name = (String) annotationType.getMethod("name").invoke(annotation);
                    return name.isEmpty() ? type.getSimpleName() : name;
                } catch (ReflectiveOperationException | ClassCastException e) {
                    return type.getSimpleName();
                }
            }
        }
        return null;
    }
}
