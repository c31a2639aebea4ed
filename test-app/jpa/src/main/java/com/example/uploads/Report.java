package com.example.uploads;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** An entity whose file column comes from {@link StoredFile}. */
@Entity
public class Report extends StoredFile {
    @Id
    @GeneratedValue
    public Long id;

    public Report() {
    }

    public Report(String storagePath) {
        this.storagePath = storagePath;
    }
}
