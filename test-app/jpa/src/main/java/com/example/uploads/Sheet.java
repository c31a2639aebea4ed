package com.example.uploads;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.nio.file.Path;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** A project's sheet; the database deletes it with its project (@OnDelete on this side). */
@Entity
public class Sheet {
    @Id
    @GeneratedValue
    public Long id;

    @ManyToOne
    @OnDelete(action = OnDeleteAction.CASCADE)
    public Project project;

    @Convert(converter = PathConverter.class)
    public Path file;

    public Sheet() {
    }

    public Sheet(Project project, Path file) {
        this.project = project;
        this.file = file;
    }
}
