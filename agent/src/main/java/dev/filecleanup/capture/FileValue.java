package dev.filecleanup.capture;

import java.io.File;
import java.nio.file.Path;

/**
 * The one home of the rules that turn an attribute value into a file value (the stored path, as a String) and
 * back. Capture, the catalogue and every version line's reader use these and nothing else.
 */
public final class FileValue {

    private FileValue() {
    }

    /** Whether an attribute of this Java type holds a file without a selector naming it. */
    public static boolean isFileType(Class<?> type) {
        return type == Path.class || type == File.class;
    }

    /** Whether an attribute of this Java type can hold a file value at all: a String, Path or File. */
    public static boolean canHold(Class<?> type) {
        return type == String.class || isFileType(type);
    }

    /**
     * The file value an attribute value names, or null for anything else: null, blank, and Hibernate's marker for
     * a lazy value never fetched (its old value is unknown, so nothing is released).
     */
    public static String of(Object attributeValue) {
        String text;
        if (attributeValue instanceof String s) {
            text = s;
        } else if (attributeValue instanceof Path p) {
            text = p.toString();
        } else if (attributeValue instanceof File f) {
            text = f.getPath();
        } else {
            return null;
        }
        return text.isBlank() ? null : text;
    }

    /** The attribute value that holds {@code value}, for an attribute of {@code javaType}. */
    public static Object toAttribute(String value, Class<?> javaType) {
        if (javaType == Path.class) {
            return Path.of(value);
        }
        if (javaType == File.class) {
            return new File(value);
        }
        return value;
    }

    /** A converter's relational value as JDBC can bind it: a Path or File is bound as its path. */
    public static Object toJdbc(Object relationalValue) {
        return relationalValue instanceof Path || relationalValue instanceof File
                ? relationalValue.toString() : relationalValue;
    }
}
