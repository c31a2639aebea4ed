package dev.filecleanup.capture;

import java.util.function.UnaryOperator;

/**
 * The file values of one element collection's elements: the element itself (a collection of paths) or values
 * inside an embeddable element. Built once per SessionFactory by the catalogue.
 */
public final class ElementSlots {
    private final String entity;
    private final String collection;
    private final String[] insidePaths;
    private final String[] attributes;
    private final String[] columns;
    private final String[] physicalColumns;
    private final UnaryOperator<Object>[] inside;
    private final UnaryOperator<Object>[] converters;

    /**
     * {@code collection}: the collection attribute's path in its owner. Per slot: {@code insidePaths}, the path
     * of the value within an embeddable element (empty for the element itself); {@code attributes}, the label for
     * the log; {@code columns}, the {@code table.column} label; {@code physicalColumns}, the column as SQL names
     * it; {@code inside}, how to read the value from an element (null for the element itself); {@code converters},
     * the column value's conversion to the attribute's (null for none).
     */
    public ElementSlots(String entity, String collection, String[] insidePaths, String[] attributes, String[] columns,
                        String[] physicalColumns, UnaryOperator<Object>[] inside, UnaryOperator<Object>[] converters) {
        this.entity = entity;
        this.collection = collection;
        this.insidePaths = insidePaths.clone();
        this.attributes = attributes.clone();
        this.columns = columns.clone();
        this.physicalColumns = physicalColumns.clone();
        this.inside = inside.clone();
        this.converters = converters.clone();
    }

    String entity() {
        return entity;
    }

    String collection() {
        return collection;
    }

    String insidePath(int slot) {
        return insidePaths[slot];
    }

    int size() {
        return attributes.length;
    }

    /** The file value slot {@code slot} holds in {@code element}, or null. */
    String value(int slot, Object element) {
        return FileValue.of(inside[slot] == null ? element : inside[slot].apply(element));
    }

    /** The file value of a column value read from the collection's table, through the column's converter. */
    String stored(int slot, Object columnValue) {
        return FileValue.of(converters[slot] == null || columnValue == null
                ? columnValue : converters[slot].apply(columnValue));
    }

    String attribute(int slot) {
        return attributes[slot];
    }

    String column(int slot) {
        return columns[slot];
    }

    /** The physical columns, in slot order, for a read by owner key. */
    String[] physicalColumns() {
        return physicalColumns.clone();
    }
}
