package com.example.uploads;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.nio.file.Path;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** A sheet's revision; the database deletes it with its sheet, so with the sheet's project too. */
@Entity
public class Revision {
    @Id
    @GeneratedValue
    public Long id;

    @ManyToOne
    @OnDelete(action = OnDeleteAction.CASCADE)
    public Sheet sheet;

    @Convert(converter = PathConverter.class)
    public Path file;

    public Revision() {
    }

    public Revision(Sheet sheet, Path file) {
        this.sheet = sheet;
        this.file = file;
    }
}
