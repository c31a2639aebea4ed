package com.example.uploads;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.Subselect;
import org.hibernate.annotations.Synchronize;

/** A read-only view of documents: its "table" is a subquery. */
@Entity
@Immutable
@Subselect("select d.id as id, d.filePath as path from Document d")
@Synchronize("Document")
public class Summary {
    @Id
    public Long id;

    public String path;
}
