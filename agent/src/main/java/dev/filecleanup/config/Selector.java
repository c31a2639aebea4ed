package dev.filecleanup.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One {@code Entity.attribute} selector. The entity part is matched against every name an entity answers to
 * (JPA entity name, simple and qualified class name, and those of its superclasses), so a selector naming the
 * class that declares an attribute also covers its subclasses.
 */
public final class Selector {
    private static final Pattern VALID = Pattern.compile("[\\p{javaJavaIdentifierPart}.$*]+");

    private final String text;
    private final Pattern entity;
    private final Pattern attribute;

    private Selector(String text, String entity, String attribute) {
        this.text = text;
        this.entity = glob(entity);
        this.attribute = glob(attribute);
    }

    static Selector parse(String text) {
        String trimmed = text.trim();
        int dot = trimmed.lastIndexOf('.');
        if (dot <= 0 || dot == trimmed.length() - 1 || !VALID.matcher(trimmed).matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a selector; expected Entity.attribute, with * as a wildcard");
        }
        return new Selector(trimmed, trimmed.substring(0, dot), trimmed.substring(dot + 1));
    }

    static List<Selector> parseList(String commaSeparated, String key) {
        List<Selector> selectors = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                try {
                    selectors.add(parse(part));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
                }
            }
        }
        return List.copyOf(selectors);
    }

    /** Whether this selector names {@code attribute} of an entity known by any of {@code entityNames}. */
    public boolean matches(Collection<String> entityNames, String attributeName) {
        if (!attribute.matcher(attributeName).matches()) {
            return false;
        }
        for (String name : entityNames) {
            if (entity.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }

    private static Pattern glob(String part) {
        return Pattern.compile(Arrays.stream(part.split("\\*", -1))
                .map(Pattern::quote)
                .collect(Collectors.joining(".*")));
    }
}
