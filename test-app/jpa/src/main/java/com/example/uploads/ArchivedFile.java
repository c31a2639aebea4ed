package com.example.uploads;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** The second persistence unit's entity, in a database of its own. */
@Entity
public class ArchivedFile {
    @Id
    @GeneratedValue
    public Long id;

    public String path;

    public ArchivedFile() {
    }

    public ArchivedFile(String path) {
        this.path = path;
    }
}
