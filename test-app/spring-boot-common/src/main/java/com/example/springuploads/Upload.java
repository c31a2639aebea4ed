package com.example.springuploads;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** An uploaded file, referenced by its path. */
@Entity
public class Upload {
    @Id
    @GeneratedValue
    private Long id;

    private String path;

    protected Upload() {
    }

    public Upload(String path) {
        this.path = path;
    }

    public Long getId() {
        return id;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
