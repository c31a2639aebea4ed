package com.example.uploads;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A passport's portrait; its file is the selected attribute {@code Portrait.file}. */
@Entity
public class Portrait {
    @Id
    @GeneratedValue
    public Long id;

    public String file;

    public Portrait() {
    }

    public Portrait(String file) {
        this.file = file;
    }
}
