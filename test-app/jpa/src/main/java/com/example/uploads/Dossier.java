package com.example.uploads;

import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.nio.file.Path;

/**
 * Files inside embeddables: a selected String path, and a {@code Path} in a nested embeddable that needs no
 * selector. Watched as {@code Dossier.attachment.path} and {@code Dossier.attachment.preview.image}.
 */
@Entity
public class Dossier {
    @Id
    @GeneratedValue
    public Long id;

    public String title;

    @Embedded
    public Scan attachment;

    public Dossier() {
    }

    public Dossier(String title, Scan attachment) {
        this.title = title;
        this.attachment = attachment;
    }

    /** A scanned document, with its caption and a preview picture. */
    @Embeddable
    public static class Scan {
        public String path;
        public String caption;
        @Embedded
        public Preview preview;

        public Scan() {
        }

        public Scan(String path, String caption, Preview preview) {
            this.path = path;
            this.caption = caption;
            this.preview = preview;
        }
    }

    /** A preview picture of a scan. */
    @Embeddable
    public static class Preview {
        @Convert(converter = PathConverter.class)
        public Path image;

        public Preview() {
        }

        public Preview(Path image) {
            this.image = image;
        }
    }
}
