package com.example.uploads;

import jakarta.persistence.Entity;

/** A SINGLE_TABLE subclass of {@link Media}. */
@Entity
public class Video extends Media {
    public int seconds;

    public Video() {
    }

    public Video(String file, int seconds) {
        this.file = file;
        this.seconds = seconds;
    }
}
