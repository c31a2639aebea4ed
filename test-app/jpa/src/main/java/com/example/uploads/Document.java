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

    public Document() {
    }

    public Document(String title, String filePath) {
        this.title = title;
        this.filePath = filePath;
    }
}
