package dev.filecleanup.capture;

import java.util.function.UnaryOperator;

/**
 * A column whose values a watched attribute releases, seen as a table column: what a database cascade deletes
 * is rows, so their file values are read by column.
 *
 * @param table     the table as Hibernate writes it in SQL
 * @param column    the column as Hibernate writes it in SQL
 * @param lob       whether it is a large object, read as a {@code Clob}
 * @param converter the column value's conversion to the attribute's, or null for none
 * @param entity    the entity of the attribute, for the log
 * @param attribute the attribute, for the log
 * @param label     {@code table.column}
 */
public record ReleasingColumn(String table, String column, boolean lob, UnaryOperator<Object> converter,
                              String entity, String attribute, String label) {

    /** The file value of a value read from the column. */
    String value(Object columnValue) {
        return FileValue.of(converter == null || columnValue == null ? columnValue : converter.apply(columnValue));
    }
}
