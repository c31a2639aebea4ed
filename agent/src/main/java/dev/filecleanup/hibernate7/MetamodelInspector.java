package dev.filecleanup.hibernate7;

import dev.filecleanup.FactoryInspector;
import dev.filecleanup.FactoryWatch;
import dev.filecleanup.FileSlots;
import dev.filecleanup.Selector;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Version;
import org.hibernate.cfg.PersistenceSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Finds the file attributes of every entity of a Hibernate 7 SessionFactory: basic attributes typed
 * {@code Path} or {@code File}, and String attributes named by a selector, minus the excludes. Inherited
 * attributes are part of each subclass persister, so they count for every subclass.
 */
public final class MetamodelInspector implements FactoryInspector {

    @Override
    public FactoryWatch inspect(Object sessionFactory, List<Selector> attributes, List<Selector> excludes) {
        SessionFactoryImplementor factory = (SessionFactoryImplementor) sessionFactory;
        Map<Object, FileSlots> slots = new IdentityHashMap<>();
        Set<String> watched = new TreeSet<>();
        Set<Selector> usedSelectors = new LinkedHashSet<>();
        Map<Selector, String> wrongType = new LinkedHashMap<>();
        Map<String, FileColumn> columns = new LinkedHashMap<>();

        factory.getMappingMetamodel().forEachEntityDescriptor(persister -> {
            Set<String> names = namesOf(factory, persister);
            String entity = jpaName(factory, persister);
            List<Integer> positions = new ArrayList<>();
            List<String> attributeNames = new ArrayList<>();
            for (int i = 0; i < persister.getAttributeMappings().size(); i++) {
                AttributeMapping attribute = persister.getAttributeMappings().get(i);
                String name = attribute.getAttributeName();
                Selector excluded = first(excludes, names, name);
                Selector selected = first(attributes, names, name);
                if (excluded != null) {
                    usedSelectors.add(excluded);
                    continue;
                }
                if (!(attribute instanceof BasicValuedModelPart basic) || basic.isFormula()) {
                    if (selected != null) {
                        wrongType.put(selected, entity + "." + name + " is not a basic column");
                    }
                    continue;
                }
                Class<?> type = basic.getJavaType().getJavaTypeClass();
                boolean fileTyped = type == Path.class || type == File.class;
                if (selected != null && !fileTyped && type != String.class) {
                    wrongType.put(selected, entity + "." + name + " is a " + type.getSimpleName()
                            + ", not a String, Path or File");
                    continue;
                }
                if (selected == null && !fileTyped) {
                    continue;
                }
                if (selected != null) {
                    usedSelectors.add(selected);
                }
                positions.add(attribute.getStateArrayPosition());
                attributeNames.add(name);
                watched.add(entity + "." + name);
                FileColumn column = new FileColumn(basic.getContainingTableExpression(),
                        basic.getSelectionExpression(), basic.getJdbcMapping(), type);
                columns.putIfAbsent(column.key(), column);
            }
            if (!positions.isEmpty()) {
                slots.put(persister, new FileSlots(entity,
                        positions.stream().mapToInt(Integer::intValue).toArray(),
                        attributeNames.toArray(String[]::new)));
            }
        });

        List<String> unmatched = new ArrayList<>();
        for (Selector selector : attributes) {
            if (!usedSelectors.contains(selector)) {
                String reason = wrongType.getOrDefault(selector, "it matches no entity attribute");
                unmatched.add("filecleanup.attributes selector '" + selector + "' watches nothing: " + reason);
            }
        }
        for (Selector selector : excludes) {
            if (!usedSelectors.contains(selector)) {
                unmatched.add("filecleanup.exclude selector '" + selector + "' excludes nothing: "
                        + "it matches no entity attribute");
            }
        }
        return new FactoryWatch(nameOf(factory), Version.getVersionString(), slots, List.copyOf(watched),
                unmatched, new NativeReferenceLookup(factory, List.copyOf(columns.values())));
    }

    private static Selector first(List<Selector> selectors, Set<String> entityNames, String attribute) {
        for (Selector selector : selectors) {
            if (selector.matches(entityNames, attribute)) {
                return selector;
            }
        }
        return null;
    }

    /** Every name a selector may use for this entity: its own and those of its superclasses. */
    private static Set<String> namesOf(SessionFactoryImplementor factory, EntityPersister persister) {
        Set<String> names = new LinkedHashSet<>();
        for (EntityMappingType type = persister; type != null; type = type.getSuperMappingType()) {
            names.add(type.getEntityName());
            names.add(jpaName(factory, type.getEntityPersister()));
        }
        for (Class<?> type = persister.getMappedClass(); type != null && type != Object.class;
             type = type.getSuperclass()) {
            names.add(type.getName());
            names.add(type.getSimpleName());
        }
        return names;
    }

    private static String jpaName(SessionFactoryImplementor factory, EntityPersister persister) {
        var domainType = factory.getJpaMetamodel().findEntityType(persister.getEntityName());
        if (domainType != null && domainType.getName() != null) {
            return domainType.getName();
        }
        String entityName = persister.getEntityName();
        return entityName.substring(entityName.lastIndexOf('.') + 1);
    }

    private static String nameOf(SessionFactoryImplementor factory) {
        if (factory.getName() != null) {
            return factory.getName();
        }
        Object unit = factory.getProperties().get(PersistenceSettings.PERSISTENCE_UNIT_NAME);
        return unit == null ? factory.getUuid() : unit.toString();
    }
}
