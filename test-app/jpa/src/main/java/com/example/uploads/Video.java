package com.example.uploads;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import java.nio.file.Path;

/** A SINGLE_TABLE subclass of {@link Media}. */
@Entity
public class Video extends Media {
    public int seconds;

    /** A file attribute of the subclass only: a bulk delete of {@link Media} must read it too. */
    @Convert(converter = PathConverter.class)
    public Path poster;

    public Video() {
    }

    public Video(String file, int seconds) {
        this.file = file;
        this.seconds = seconds;
    }
}
