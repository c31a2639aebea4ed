package dev.filecleanup.catalog;

import java.util.function.UnaryOperator;

/**
 * One single-column value of one entity persister, as a version line reads it from Hibernate's metamodel: a
 * basic attribute, an attribute of an embeddable, or the element of a collection. The catalogue decides from
 * these alone, without Hibernate types, which are file attributes and which columns protect files.
 *
 * @param persister   the entity persister (the key Hibernate's actions carry)
 * @param entityClass the mapped class, for the names a selector may use; null for dynamic entities
 * @param entityName  Hibernate's entity name
 * @param path        the attribute path: {@code filePath}, {@code cover.path}, {@code gallery}
 * @param position    the index in Hibernate's state arrays of the top-level attribute that holds the value (the
 *                    embedded attribute, for a value inside embeddables); -1 for collection elements and
 *                    associations
 * @param javaType    the value's Java type as the entity sees it (after any converter)
 * @param column      where the value is stored
 * @param inside      reads the value from the top-level attribute's value (an embeddable, as Hibernate's state
 *                    holds it), or for a collection from its element, null-safe; null for the value itself
 * @param element     the collection whose elements hold the value; null for a value of the entity's state
 */
public record MappedAttribute(Object persister, Class<?> entityClass, String entityName, String path, int position,
                              Class<?> javaType, FileColumn column, UnaryOperator<Object> inside, Element element) {

    public MappedAttribute(Object persister, Class<?> entityClass, String entityName, String path, int position,
                           Class<?> javaType, FileColumn column) {
        this(persister, entityClass, entityName, path, position, javaType, column, null, null);
    }

    /**
     * An element collection.
     *
     * @param persister its collection persister (the key Hibernate's collection actions carry)
     * @param path      the collection attribute's path: {@code gallery}, {@code meta.attachments}
     */
    public record Element(Object persister, String path) {
    }

    /** The name the startup line uses: {@code images[]} for a collection's elements, {@code figures[].file}. */
    String label() {
        return element == null ? path : element.path() + "[]" + path.substring(element.path().length());
    }
}
