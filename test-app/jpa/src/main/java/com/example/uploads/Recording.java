package com.example.uploads;

import jakarta.persistence.Basic;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.nio.file.Path;

/**
 * An entity with a lazy file attribute. The "lazy" scenario runs it bytecode-enhanced (the tests enhance it with
 * the Hibernate under test), so that its file is only fetched when read; elsewhere it is a plain entity. Enhanced
 * code sees changes through accessors only, so its fields are private.
 */
@Entity
public class Recording {
    @Id
    @GeneratedValue
    private Long id;

    private String title;

    @Basic(fetch = FetchType.LAZY)
    @Convert(converter = PathConverter.class)
    private Path file;

    public Recording() {
    }

    public Recording(String title, Path file) {
        this.title = title;
        this.file = file;
    }

    public Long getId() {
        return id;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Path getFile() {
        return file;
    }

    public void setFile(Path file) {
        this.file = file;
    }
}
