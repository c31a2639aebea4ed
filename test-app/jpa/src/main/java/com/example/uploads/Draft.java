package com.example.uploads;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.nio.file.Path;

/** A project's draft; the database deletes it with its project (@OnDelete on Project.drafts). */
@Entity
public class Draft {
    @Id
    @GeneratedValue
    public Long id;

    @ManyToOne
    public Project project;

    @Convert(converter = PathConverter.class)
    public Path file;

    public Draft() {
    }

    public Draft(Project project, Path file) {
        this.project = project;
        this.file = file;
    }
}
