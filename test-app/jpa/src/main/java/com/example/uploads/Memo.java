package com.example.uploads;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.SoftDelete;

/** Soft-deleted with {@code @SoftDelete}: removing it keeps the row, so it keeps the file. */
@Entity
@SoftDelete
public class Memo {
    @Id
    @GeneratedValue
    public Long id;

    public String attachment;

    public Memo() {
    }

    public Memo(String attachment) {
        this.attachment = attachment;
    }
}
