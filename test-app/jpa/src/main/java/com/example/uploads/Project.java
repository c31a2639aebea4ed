package com.example.uploads;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * An entity without file attributes whose rows the database deletes children of by itself: its {@link Draft}s
 * (declared on this side) and its {@link Sheet}s (declared on theirs), and their {@link Revision}s in turn.
 */
@Entity
public class Project {
    @Id
    @GeneratedValue
    public Long id;

    public String name;

    @OneToMany(mappedBy = "project")
    @OnDelete(action = OnDeleteAction.CASCADE)
    public List<Draft> drafts = new ArrayList<>();

    public Project() {
    }

    public Project(String name) {
        this.name = name;
    }
}
