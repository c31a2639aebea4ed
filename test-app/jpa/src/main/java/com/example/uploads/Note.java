package com.example.uploads;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.SQLDelete;
import org.hibernate.annotations.SQLRestriction;

/** Soft-deleted the classic way: the DELETE is an UPDATE of a flag, and queries hide flagged rows. */
@Entity
@SQLDelete(sql = "update Note set deleted = true where id = ?")
@SQLRestriction("deleted = false")
public class Note {
    @Id
    @GeneratedValue
    public Long id;

    public String file;

    public boolean deleted;

    public Note() {
    }

    public Note(String file) {
        this.file = file;
    }
}
