package com.example.springarchive;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** An upload kept in the second persistence unit, on another database. */
@Entity
public class ArchivedUpload {
    @Id
    @GeneratedValue
    private Long id;

    private String path;

    protected ArchivedUpload() {
    }

    public ArchivedUpload(String path) {
        this.path = path;
    }

    public Long getId() {
        return id;
    }
}
