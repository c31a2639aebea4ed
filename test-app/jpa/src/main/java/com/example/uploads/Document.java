package com.example.uploads;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** An uploaded document: the file lives on disk, the row keeps its path. */
@Entity
public class Document {
    @Id
    @GeneratedValue
    public Long id;

    public String title;

    @Column(unique = true)
    public String code;

    public String filePath;

    /** Where an earlier version was archived; excluded from the watched attributes in the tests. */
    public String archivePath;

    public Document() {
    }

    public Document(String title, String filePath) {
        this.title = title;
        this.filePath = filePath;
    }
}
