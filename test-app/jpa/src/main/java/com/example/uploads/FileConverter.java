package com.example.uploads;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.File;

/** Stores a {@code File} as its path. */
@Converter
public class FileConverter implements AttributeConverter<File, String> {
    @Override
    public String convertToDatabaseColumn(File file) {
        return file == null ? null : file.getPath();
    }

    @Override
    public File convertToEntityAttribute(String column) {
        return column == null ? null : new File(column);
    }
}
