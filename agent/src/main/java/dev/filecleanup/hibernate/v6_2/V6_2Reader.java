package dev.filecleanup.hibernate.v6_2;

import dev.filecleanup.capture.FileValue;
import dev.filecleanup.catalog.FactoryModel;
import dev.filecleanup.catalog.MappedAttribute;
import dev.filecleanup.hibernate.SessionFactoryModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.JdbcMapping;

/**
 * Reads the mapping model of Hibernate 6.2 to 7.4: every attribute of every entity persister, inherited ones
 * included, with its state-array position and physical column. Compiled against 7.4; uses only calls whose
 * signatures are the same from 6.2 on.
 */
public final class V6_2Reader implements FactoryModel.Reader {

    @Override
    public FactoryModel read(Object sessionFactory) {
        SessionFactoryImplementor factory = (SessionFactoryImplementor) sessionFactory;
        List<MappedAttribute> attributes = new ArrayList<>();
        factory.getMappingMetamodel().forEachEntityDescriptor(persister -> {
            for (int i = 0; i < persister.getAttributeMappings().size(); i++) {
                AttributeMapping attribute = persister.getAttributeMappings().get(i);
                BasicValuedModelPart basic = attribute instanceof BasicValuedModelPart part && !part.isFormula()
                        ? part : null;
                Class<?> javaType = attribute.getJavaType().getJavaTypeClass();
                attributes.add(new MappedAttribute(persister, persister.getMappedClass(), persister.getEntityName(),
                        attribute.getAttributeName(), attribute.getStateArrayPosition(),
                        basic == null ? null : javaType,
                        basic == null ? null : basic.getContainingTableExpression(),
                        basic == null ? null : basic.getSelectionExpression(),
                        basic == null ? null : toColumnValue(basic.getJdbcMapping(), javaType)));
            }
        });
        return new SessionFactoryModel(factory, attributes);
    }

    private static Function<String, Object> toColumnValue(JdbcMapping mapping, Class<?> javaType) {
        return value -> FileValue.toJdbc(mapping.convertToRelationalValue(FileValue.toAttribute(value, javaType)));
    }
}
