package com.example.uploads;

import jakarta.persistence.MappedSuperclass;

/** A mapped superclass that declares the file column for its entities. */
@MappedSuperclass
public abstract class StoredFile {
    public String storagePath;
}
