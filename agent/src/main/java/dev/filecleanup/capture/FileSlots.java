package dev.filecleanup.capture;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The file attributes of one entity type, as positions in Hibernate's state arrays, with the column each is
 * stored in. Built once per SessionFactory by the catalogue; read on the host's thread, so it holds only arrays.
 */
public final class FileSlots {
    private final String entity;
    private final int[] positions;
    private final String[] attributes;
    private final String[] columns;
    private final UnaryOperator<Object>[] inside;

    public FileSlots(String entity, int[] positions, String[] attributes, String[] columns) {
        this(entity, positions, attributes, columns, null);
    }

    /**
     * {@code inside}: per slot, how to read the value from the state array's value at its position (an
     * embeddable); null, or a null element, for a top-level attribute.
     */
    public FileSlots(String entity, int[] positions, String[] attributes, String[] columns,
                     UnaryOperator<Object>[] inside) {
        this.entity = entity;
        this.positions = positions.clone();
        this.attributes = attributes.clone();
        this.columns = columns.clone();
        this.inside = inside == null ? null : inside.clone();
    }

    String entity() {
        return entity;
    }

    int size() {
        return positions.length;
    }

    /** The file value this slot holds in {@code state}, or null. */
    String value(int slot, Object[] state) {
        Object value = state[positions[slot]];
        if (inside != null && inside[slot] != null) {
            value = inside[slot].apply(value);
        }
        return FileValue.of(value);
    }

    /** Whether any slot's value in {@code state} is a lazy attribute that was never fetched. */
    public boolean anyUnfetched(Object[] state, EntityStates states) {
        for (int position : positions) {
            if (states.unfetched(state[position])) {
                return true;
            }
        }
        return false;
    }

    /** Whether an update assigns a slot that was never fetched: unfetched in {@code previous}, not in {@code state}. */
    boolean assignsUnfetched(Object[] previous, Object[] state, EntityStates states) {
        for (int position : positions) {
            if (states.unfetched(previous[position]) && !states.unfetched(state[position])) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code state}, except that the slots an update assigns without their old value having been fetched hold
     * that value, as read from {@code row}.
     */
    Object[] withUnfetchedFrom(Object[] row, Object[] previous, Object[] state, EntityStates states) {
        Object[] before = state.clone();
        for (int position : positions) {
            if (states.unfetched(previous[position]) && !states.unfetched(state[position])) {
                before[position] = row[position];
            }
        }
        return before;
    }

    String attribute(int slot) {
        return attributes[slot];
    }

    /** The attribute paths, in slot order. */
    public List<String> attributes() {
        return List.of(attributes);
    }

    String column(int slot) {
        return columns[slot];
    }
}
