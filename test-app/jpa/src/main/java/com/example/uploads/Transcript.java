package com.example.uploads;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;

/** A file path in a large-object column: a CLOB on H2, an oid on PostgreSQL, LONGTEXT on MariaDB. */
@Entity
public class Transcript {
    @Id
    @GeneratedValue
    public Long id;

    @Lob
    public String file;

    public Transcript() {
    }

    public Transcript(String file) {
        this.file = file;
    }
}
