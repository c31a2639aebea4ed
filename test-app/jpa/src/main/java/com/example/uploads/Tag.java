package com.example.uploads;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** An entity with no file at all. */
@Entity
public class Tag {
    @Id
    @GeneratedValue
    public Long id;

    public String label;

    public Tag() {
    }

    public Tag(String label) {
        this.label = label;
    }
}
