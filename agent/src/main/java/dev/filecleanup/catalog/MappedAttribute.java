package dev.filecleanup.catalog;

import java.util.function.Function;

/**
 * One attribute of one entity persister, as a version line reads it from Hibernate's metamodel. The catalogue
 * decides from these alone, without Hibernate types, which attributes are file attributes.
 *
 * @param persister     the entity persister (the key Hibernate's actions carry)
 * @param entityClass   the mapped class, for the names a selector may use; null for dynamic entities
 * @param entityName    Hibernate's entity name
 * @param attribute     the attribute name
 * @param position      its index in Hibernate's state arrays
 * @param javaType      the attribute's Java type if it is a single basic column, else null
 * @param table         the physical table holding the column
 * @param column        the physical column
 * @param toColumnValue turns a stored path into the value the column holds (applies converters)
 */
public record MappedAttribute(Object persister, Class<?> entityClass, String entityName, String attribute,
                              int position, Class<?> javaType, String table, String column,
                              Function<String, Object> toColumnValue) {
}
