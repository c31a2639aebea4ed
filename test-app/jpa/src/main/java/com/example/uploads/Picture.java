package com.example.uploads;

import jakarta.persistence.Entity;

/** A concrete {@link Asset}, in a table of its own. */
@Entity
public class Picture extends Asset {
    public int width;

    public Picture() {
    }

    public Picture(String path) {
        this.path = path;
    }
}
