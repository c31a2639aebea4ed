package dev.filecleanup.capture;

/**
 * The file attributes of one entity type, as positions in Hibernate's state arrays. Built once per SessionFactory
 * by the catalogue; read on the host's thread, so it holds only arrays.
 */
public final class FileSlots {
    private final String entity;
    private final int[] positions;
    private final String[] attributes;

    public FileSlots(String entity, int[] positions, String[] attributes) {
        this.entity = entity;
        this.positions = positions.clone();
        this.attributes = attributes.clone();
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
}
