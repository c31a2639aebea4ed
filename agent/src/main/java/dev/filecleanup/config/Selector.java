package dev.filecleanup.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One {@code Entity.attribute} selector; the attribute may be a path into embeddables and collections
 * ({@code Report.attachment.path}). It is matched against {@code name.path} for every name an entity answers to
 * (JPA entity name, simple and qualified class name, and those of its superclasses), so a selector naming the
 * class that declares an attribute also covers its subclasses. {@code *} matches any characters, dots included.
 */
public final class Selector {
    private final String text;
    /** Compiled at the first match, at a SessionFactory's build: {@code premain} pays for no regular expression. */
    private volatile Pattern pattern;

    private Selector(String text) {
        this.text = text;
    }

    static Selector parse(String text) {
        String trimmed = text.trim();
        int dot = trimmed.lastIndexOf('.');
        if (dot <= 0 || dot == trimmed.length() - 1 || !valid(trimmed)) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a selector; expected Entity.attribute, with * as a wildcard");
        }
        return new Selector(trimmed);
    }

    /** @throws IllegalArgumentException naming the first part that is not a selector */
    static List<Selector> parseList(String commaSeparated) {
        List<Selector> selectors = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                selectors.add(parse(part));
            }
        }
        return List.copyOf(selectors);
    }

    /** Whether this selector names the attribute at {@code path} of an entity known by any of {@code entityNames}. */
    public boolean matches(Collection<String> entityNames, String path) {
        Pattern pattern = this.pattern;
        if (pattern == null) {
            pattern = glob(text);
            this.pattern = pattern;
        }
        for (String name : entityNames) {
            if (pattern.matcher(name + "." + path).matches()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }

    private static boolean valid(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isJavaIdentifierPart(c) && c != '.' && c != '$' && c != '*') {
                return false;
            }
        }
        return true;
    }

    private static Pattern glob(String part) {
        return Pattern.compile(Arrays.stream(part.split("\\*", -1))
                .map(Pattern::quote)
                .collect(Collectors.joining(".*")));
    }
}
