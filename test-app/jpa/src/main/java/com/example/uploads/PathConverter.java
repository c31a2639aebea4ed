package com.example.uploads;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.nio.file.Path;

/** Stores a {@code Path} as its string form. */
@Converter
public class PathConverter implements AttributeConverter<Path, String> {
    @Override
    public String convertToDatabaseColumn(Path path) {
        return path == null ? null : path.toString();
    }

    @Override
    public Path convertToEntityAttribute(String column) {
        return column == null ? null : Path.of(column);
    }
}
