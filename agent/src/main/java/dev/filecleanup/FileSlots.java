package dev.filecleanup;

import java.io.File;
import java.nio.file.Path;

/**
 * The file attributes of one entity type, as positions in Hibernate's state arrays. Built once per
 * SessionFactory by a version line; read on the host's thread, so it holds only arrays.
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

    /** Records the file values a deleted row held. */
    void released(Object session, Object[] deletedState, SessionTransactions sink) {
        for (int i = 0; i < positions.length; i++) {
            String value = asPath(deletedState[positions[i]]);
            if (value != null) {
                sink.record(session, new ReleasedFile(value, entity, attributes[i], ReleasedFile.Cause.REMOVED));
            }
        }
    }

    /** Records the old file values of an updated row whose value changed. */
    void replaced(Object session, Object[] previousState, Object[] state, SessionTransactions sink) {
        for (int i = 0; i < positions.length; i++) {
            String before = asPath(previousState[positions[i]]);
            if (before != null && !before.equals(asPath(state[positions[i]]))) {
                sink.record(session, new ReleasedFile(before, entity, attributes[i], ReleasedFile.Cause.REPLACED));
            }
        }
    }

    String entity() {
        return entity;
    }

    /**
     * The stored path, or null for anything else: null, blank, and Hibernate's marker for a lazy value never
     * fetched (its old value is unknown, so nothing is released).
     */
    static String asPath(Object value) {
        String text;
        if (value instanceof String s) {
            text = s;
        } else if (value instanceof Path p) {
            text = p.toString();
        } else if (value instanceof File f) {
            text = f.getPath();
        } else {
            return null;
        }
        return text.isBlank() ? null : text;
    }
}
