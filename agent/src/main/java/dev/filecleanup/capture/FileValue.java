package dev.filecleanup.capture;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;

/**
 * The one home of the rules that turn an attribute value into a file value (the stored path, as a String) and
 * back. Capture, the catalogue and every version line's reader use these and nothing else.
 */
public final class FileValue {

    private FileValue() {
    }

    /**
     * Whether an attribute of this Java type holds a file without a selector naming it: a {@code Path}, a
     * {@code File}, or a {@code URI} (whose {@code file:} values name files).
     */
    public static boolean isFileType(Class<?> type) {
        return type == Path.class || type == File.class || type == URI.class;
    }

    /** Whether an attribute of this Java type can hold a file value at all: a String, Path, File or URI. */
    public static boolean canHold(Class<?> type) {
        return type == String.class || isFileType(type);
    }

    /**
     * The file value an attribute value names, or null for anything else: null, blank, a URI of another scheme
     * than {@code file:}, and Hibernate's marker for a lazy value never fetched (its old value is unknown, so
     * nothing is released). A {@code file:} URI is kept as its text; it resolves to its path.
     */
    public static String of(Object attributeValue) {
        String text;
        if (attributeValue instanceof String s) {
            text = s;
        } else if (attributeValue instanceof Path p) {
            text = p.toString();
        } else if (attributeValue instanceof File f) {
            text = f.getPath();
        } else if (attributeValue instanceof URI u && "file".equalsIgnoreCase(u.getScheme())) {
            text = u.toString();
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
        if (javaType == URI.class) {
            return URI.create(value);
        }
        return value;
    }

    /** A converter's relational value as JDBC can bind it: a Path or File is bound as its path. */
    public static Object toJdbc(Object relationalValue) {
        return relationalValue instanceof Path || relationalValue instanceof File || relationalValue instanceof URI
                ? relationalValue.toString() : relationalValue;
    }
}
