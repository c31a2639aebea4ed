package dev.filecleanup.capture;

/**
 * The file attributes of one entity type, as positions in Hibernate's state arrays, with the column each is
 * stored in. Built once per SessionFactory by the catalogue; read on the host's thread, so it holds only arrays.
 */
public final class FileSlots {
    private final String entity;
    private final int[] positions;
    private final String[] attributes;
    private final String[] columns;

    public FileSlots(String entity, int[] positions, String[] attributes, String[] columns) {
        this.entity = entity;
        this.positions = positions.clone();
        this.attributes = attributes.clone();
        this.columns = columns.clone();
    }

    String entity() {
        return entity;
    }

    int size() {
        return positions.length;
    }

    int position(int slot) {
        return positions[slot];
    }

    String attribute(int slot) {
        return attributes[slot];
    }

    String column(int slot) {
        return columns[slot];
    }
}
