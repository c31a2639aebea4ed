package dev.filecleanup.hibernate.v5_6;

import dev.filecleanup.catalog.FactoryModel;
import dev.filecleanup.catalog.FileColumn;
import dev.filecleanup.catalog.MappedAttribute;
import dev.filecleanup.hibernate.PublicMethods;
import dev.filecleanup.hibernate.PersisterStates;
import dev.filecleanup.hibernate.SessionFactoryModel;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.CollectionType;
import org.hibernate.type.ComponentType;
import org.hibernate.type.CompositeType;
import org.hibernate.type.Type;

/**
 * Reads the persisters of Hibernate 5.6 (javax and jakarta): every single-column value of every entity, inside
 * embeddables and collection elements too. This package compiles against Hibernate 7, so it calls directly only
 * what has the same signature in 5.6, and reaches the 5.6-only methods it needs by reflection.
 */
public final class V5_6Reader implements FactoryModel.Reader {

    @Override
    public FactoryModel read(Object sessionFactory) {
        SessionFactoryImplementor factory = (SessionFactoryImplementor) sessionFactory;
        List<MappedAttribute> attributes = new ArrayList<>();
        Object metamodel = invoke(factory, "getMetamodel");
        for (EntityPersister persister : persisters(metamodel).values()) {
            if (!(persister instanceof AbstractEntityPersister entity)) {
                continue;
            }
            // TABLE_PER_CLASS: every concrete class has a table of its own, inherited columns included. An
            // abstract class has none.
            boolean union = persister.getClass().getSimpleName().equals("UnionSubclassEntityPersister");
            if (union && entity.isAbstract()) {
                continue;
            }
            String ownTable = union ? (String) invoke(persister, "getTableName", 0) : null;
            String[] names = persister.getPropertyNames();
            Type[] types = persister.getPropertyTypes();
            for (int i = 0; i < names.length; i++) {
                int before = attributes.size();
                new Values(factory, metamodel, entity, ownTable, attributes).collect(names[i], i, types[i], null);
                if (attributes.size() == before) {
                    attributes.add(new MappedAttribute(persister, persister.getMappedClass(),
                            persister.getEntityName(), names[i], -1, null, null));
                }
            }
        }
        // Ids are Serializable on 5.6 and Object on later lines.
        return new SessionFactoryModel(factory, attributes, new PersisterStates() {
            @Override
            public Object id(Object persister, Object entity, Object session) {
                return invoke(persister, "getIdentifier", entity, session);
            }

            @Override
            public Object[] row(Object persister, Object id, Object session) {
                return (Object[]) invoke(persister, "getDatabaseSnapshot", id, session);
            }
        }, new V5_6Bulk());
    }

    /** Walks one entity attribute down to its single-column values. */
    private record Values(SessionFactoryImplementor factory, Object metamodel, AbstractEntityPersister persister,
                          String ownTable, List<MappedAttribute> out) {

        /** {@code inside}: how to reach the value from the top-level attribute's value; null at the top level. */
        void collect(String path, int position, Type type, UnaryOperator<Object> inside) {
            if (type.isCollectionType()) {
                Object collection = invoke(metamodel, "collectionPersister", ((CollectionType) type).getRole());
                String table = (String) invoke(collection, "getTableName");
                Type element = (Type) invoke(collection, "getElementType");
                String[] columns = (String[]) invoke(collection, "getElementColumnNames");
                MappedAttribute.Element of = new MappedAttribute.Element(collection, path);
                if (element instanceof CompositeType composite) {
                    String[] names = composite.getPropertyNames();
                    Type[] types = composite.getSubtypes();
                    // The element's columns, in the order of its properties, one each for basic properties. A
                    // custom composite type's values are only read by the reference check, never captured.
                    for (int i = 0; i < names.length && names.length == columns.length; i++) {
                        UnaryOperator<Object> fromElement = composite instanceof ComponentType component
                                ? step(null, component, i) : null;
                        leaf(path + "." + names[i], -1, types[i], table, columns[i], fromElement,
                                fromElement == null ? null : of);
                    }
                } else if (columns.length == 1) {
                    leaf(path, -1, element, table, columns[0], null, of);
                }
            } else if (type.isComponentType()) {
                CompositeType composite = (CompositeType) type;
                String[] names = composite.getPropertyNames();
                Type[] types = composite.getSubtypes();
                // A custom composite type's values are only read by the reference check, never captured.
                boolean readable = position >= 0 && composite instanceof ComponentType;
                for (int i = 0; i < names.length; i++) {
                    collect(path + "." + names[i], readable ? position : -1, types[i],
                            readable ? step(inside, (ComponentType) composite, i) : null);
                }
            } else if (!type.isAssociationType()) {
                String[] columns = persister.getPropertyColumnNames(path);
                if (columns != null && columns.length == 1 && columns[0] != null) {
                    String table = ownTable != null ? ownTable
                            : (String) invoke(persister, "getPropertyTableName", path.split("\\.")[0]);
                    leaf(path, position, type, table, columns[0], inside, null);
                }
            }
        }

        /**
         * Reads property {@code index} of an embeddable, as its type does. A state holds the embeddable itself;
         * anything else (null, the marker of a lazy value never fetched) holds no file.
         */
        private static UnaryOperator<Object> step(UnaryOperator<Object> outer, ComponentType component, int index) {
            Class<?> embeddable = component.getReturnedClass();
            return top -> {
                Object container = outer == null ? top : outer.apply(top);
                return container instanceof Object[] || embeddable.isInstance(container)
                        ? component.getPropertyValue(container, index) : null;
            };
        }

        private void leaf(String path, int position, Type type, String table, String column,
                          UnaryOperator<Object> inside, MappedAttribute.Element element) {
            if (type.isAssociationType() || type.isComponentType() || column == null) {
                return;
            }
            Class<?> javaType = type.getReturnedClass();
            out.add(new MappedAttribute(persister, persister.getMappedClass(), persister.getEntityName(), path,
                    position, javaType, new FileColumn(table, column, lob(type), javaType, converter(type)), inside, element));
        }

        private boolean lob(Type type) {
            for (int code : (int[]) invoke(type, "sqlTypes", factory)) {
                if (code == Types.CLOB || code == Types.NCLOB || code == Types.BLOB) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The JPA converter of a converted attribute (5.6's AttributeConverterTypeAdapter), else null. */
    private static FileColumn.Converter converter(Type type) {
        if (!PublicMethods.has(type.getClass(), "getAttributeConverter")) {
            return null;
        }
        Object converter = invoke(type, "getAttributeConverter");
        return new FileColumn.Converter() {
            @Override
            public Object toColumn(Object attributeValue) {
                return invoke(converter, "toRelationalValue", attributeValue);
            }

            @Override
            public Object toAttribute(Object columnValue) {
                return invoke(converter, "toDomainValue", columnValue);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, EntityPersister> persisters(Object metamodel) {
        return (Map<String, EntityPersister>) invoke(metamodel, "entityPersisters");
    }

    private static Object invoke(Object target, String method, Object... arguments) {
        return PublicMethods.call(target.getClass(), target, method, arguments);
    }
}
