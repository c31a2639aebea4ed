package com.example.uploads;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.io.File;
import java.net.URI;

/**
 * Files named through converters, which need no selector: a {@code URI} ({@code file:} ones name files) and a
 * {@code File}; and a {@code file:} URI held in the selected String attribute {@code Link.location}.
 */
@Entity
public class Link {
    @Id
    @GeneratedValue
    public Long id;

    @Convert(converter = UriConverter.class)
    public URI source;

    @Convert(converter = FileConverter.class)
    public File copy;

    public String location;

    public Link() {
    }

    public Link(URI source, File copy, String location) {
        this.source = source;
        this.copy = copy;
        this.location = location;
    }
}
