package dev.filecleanup.catalog;

/**
 * One database column that may hold file values.
 *
 * @param table     the physical table, or the table expression Hibernate reads it from
 * @param column    the physical column, as Hibernate writes it in SQL
 * @param lob       whether it is a large object, read as a {@code Clob}
 * @param javaType  the value's Java type as the entity sees it
 * @param converter the conversion between the entity's value and the column's, or null when there is none
 */
public record FileColumn(String table, String column, boolean lob, Class<?> javaType, Converter converter) {

    /** A Hibernate or JPA converter of the attribute, seen through JDK types. */
    public interface Converter {
        Object toColumn(Object attributeValue);

        Object toAttribute(Object columnValue);
    }

    /** The name the log uses: {@code table.column}. */
    public String label() {
        return table + "." + column;
    }
}
