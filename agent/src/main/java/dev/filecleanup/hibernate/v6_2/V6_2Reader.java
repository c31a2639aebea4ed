package dev.filecleanup.hibernate.v6_2;

import dev.filecleanup.catalog.FactoryModel;
import dev.filecleanup.catalog.FileColumn;
import dev.filecleanup.catalog.MappedAttribute;
import dev.filecleanup.hibernate.PersisterStates;
import dev.filecleanup.hibernate.SessionFactoryModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EmbeddableMappingType;
import org.hibernate.metamodel.mapping.EmbeddableValuedModelPart;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.UnionSubclassEntityPersister;

/**
 * Reads the mapping model of Hibernate 6.2 to 7.4: every single-column value of every entity persister,
 * inherited ones included, inside embeddables and collection elements too, with its state-array position and
 * physical column. Compiled against 7.4; uses only calls whose signatures are the same from 6.2 on.
 */
public final class V6_2Reader implements FactoryModel.Reader {

    @Override
    public FactoryModel read(Object sessionFactory) {
        SessionFactoryImplementor factory = (SessionFactoryImplementor) sessionFactory;
        List<MappedAttribute> attributes = new ArrayList<>();
        factory.getMappingMetamodel().forEachEntityDescriptor(persister -> {
            // TABLE_PER_CLASS: every concrete class has a table of its own, inherited columns included; the
            // mapping names the root's. An abstract class has none.
            String ownTable = persister instanceof UnionSubclassEntityPersister union
                    ? (union.isAbstract() ? "" : union.getRootTableName()) : null;
            for (int i = 0; i < persister.getNumberOfAttributeMappings(); i++) {
                var attribute = persister.getAttributeMapping(i);
                int before = attributes.size();
                collect(persister, attribute.getAttributeName(), attribute.getStateArrayPosition(), attribute,
                        ownTable, null, null, attributes);
                if (attributes.size() == before) {
                    // Not a value we can read (an association): still named, so that a selector can say why.
                    attributes.add(new MappedAttribute(persister, persister.getMappedClass(),
                            persister.getEntityName(), attribute.getAttributeName(), -1, null, null));
                }
            }
        });
        return new SessionFactoryModel(factory, attributes, new PersisterStates() {
            @Override
            public Object id(Object persister, Object entity, Object session) {
                return ((EntityPersister) persister).getIdentifier(entity, (SharedSessionContractImplementor) session);
            }

            @Override
            public Object[] row(Object persister, Object id, Object session) {
                return ((EntityPersister) persister).getDatabaseSnapshot(id, (SharedSessionContractImplementor) session);
            }
        }, new V6_2Bulk());
    }

    /**
     * {@code inside}: how to reach {@code part}'s value from the top-level attribute's value, or inside a
     * collection from its element; null for the value itself. {@code element}: the collection being walked.
     */
    private static void collect(EntityPersister persister, String path, int position, ModelPart part, String ownTable,
                                UnaryOperator<Object> inside, MappedAttribute.Element element,
                                List<MappedAttribute> out) {
        if (part instanceof BasicValuedModelPart basic) {
            if (!basic.isFormula() && !"".equals(ownTable)) {
                String table = ownTable == null ? basic.getContainingTableExpression() : ownTable;
                Class<?> javaType = part.getJavaType().getJavaTypeClass();
                out.add(new MappedAttribute(persister, persister.getMappedClass(), persister.getEntityName(), path,
                        position, javaType, column(table, basic, javaType), inside, element));
            }
        } else if (part instanceof PluralAttributeMapping plural) {
            // An element collection's values live in its own table, whatever the owner's inheritance.
            collect(persister, path, -1, plural.getElementDescriptor(), null, null,
                    new MappedAttribute.Element(plural.getCollectionDescriptor(), path), out);
        } else if (part instanceof EmbeddableValuedModelPart embedded) {
            EmbeddableMappingType type = embedded.getEmbeddableTypeDescriptor();
            Class<?> embeddable = type.getMappedJavaType().getJavaTypeClass();
            boolean readable = position >= 0 || element != null;
            for (int i = 0; i < type.getNumberOfAttributeMappings(); i++) {
                AttributeMapping attribute = type.getAttributeMapping(i);
                collect(persister, path + "." + attribute.getAttributeName(), position, attribute, ownTable,
                        readable ? step(inside, embeddable, i, attribute) : null, element, out);
            }
        }
    }

    /**
     * Reads attribute {@code index} of an embeddable with Hibernate's own property access. A state holds the
     * embeddable itself; anything else (null, the marker of a lazy value never fetched) holds no file.
     */
    private static UnaryOperator<Object> step(UnaryOperator<Object> outer, Class<?> embeddable, int index,
                                              AttributeMapping attribute) {
        var getter = attribute.getPropertyAccess().getGetter();
        return top -> {
            Object container = outer == null ? top : outer.apply(top);
            if (container instanceof Object[] values) {
                return index < values.length ? values[index] : null;
            }
            return embeddable.isInstance(container) ? getter.get(container) : null;
        };
    }

    private static FileColumn column(String table, BasicValuedModelPart basic, Class<?> javaType) {
        JdbcMapping mapping = basic.getJdbcMapping();
        FileColumn.Converter converter = mapping.getValueConverter() == null ? null : new FileColumn.Converter() {
            @Override
            public Object toColumn(Object attributeValue) {
                return mapping.convertToRelationalValue(attributeValue);
            }

            @Override
            public Object toAttribute(Object columnValue) {
                return mapping.convertToDomainValue(columnValue);
            }
        };
        return new FileColumn(table, basic.getSelectionExpression(), mapping.getJdbcType().isLob(), javaType,
                converter);
    }
}
