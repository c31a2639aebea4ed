package com.example.uploads;

import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OrderColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Files in element collections of each kind Hibernate writes differently: a bag of selected Strings (deleted and
 * inserted again on every change), a set of {@code Path}s (rows deleted one by one) and an ordered list of
 * embeddables (rows updated by index). Watched as {@code Gallery.images[]}, {@code Gallery.scans[]} and
 * {@code Gallery.frames[].file}.
 */
@Entity
public class Gallery {
    @Id
    @GeneratedValue
    public Long id;

    public String name;

    @ElementCollection
    public List<String> images = new ArrayList<>();

    @ElementCollection
    @Convert(converter = PathConverter.class)
    public Set<Path> scans = new LinkedHashSet<>();

    @ElementCollection
    @OrderColumn
    public List<Frame> frames = new ArrayList<>();

    public Gallery() {
    }

    public Gallery(String name) {
        this.name = name;
    }

    /** A framed picture of a gallery. */
    @Embeddable
    public static class Frame {
        public String file;
        public String caption;

        public Frame() {
        }

        public Frame(String file, String caption) {
            this.file = file;
            this.caption = caption;
        }
    }
}
