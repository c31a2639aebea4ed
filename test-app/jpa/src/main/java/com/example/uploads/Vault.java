package com.example.uploads;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** File paths stored through converters: encrypted with a random salt, reversed, and checked for "..". */
@Entity
public class Vault {
    @Id
    @GeneratedValue
    public Long id;

    @Convert(converter = Salted.class)
    public String secret;

    @Convert(converter = Reversed.class)
    public String reversed;

    @Convert(converter = Strict.class)
    public String strict;

    public Vault() {
    }

    /** Stands in for encryption: another column value every time, for the same path. */
    public static class Salted implements AttributeConverter<String, String> {
        @Override
        public String convertToDatabaseColumn(String path) {
            return path == null ? null : UUID.randomUUID() + ":"
                    + Base64.getEncoder().encodeToString(path.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String convertToEntityAttribute(String column) {
            return column == null ? null : new String(Base64.getDecoder().decode(column.substring(37)),
                    StandardCharsets.UTF_8);
        }
    }

    /** Stores a path reversed: the same column value every time, but not ending in the file name. */
    public static class Reversed implements AttributeConverter<String, String> {
        @Override
        public String convertToDatabaseColumn(String path) {
            return path == null ? null : new StringBuilder(path).reverse().toString();
        }

        @Override
        public String convertToEntityAttribute(String column) {
            return column == null ? null : new StringBuilder(column).reverse().toString();
        }
    }

    /** Refuses paths that climb out of their folder, as a careful application might. */
    public static class Strict implements AttributeConverter<String, String> {
        @Override
        public String convertToDatabaseColumn(String path) {
            if (path != null && path.contains("..")) {
                throw new IllegalArgumentException("no '..' in stored paths: " + path);
            }
            return path;
        }

        @Override
        public String convertToEntityAttribute(String column) {
            return column;
        }
    }
}
