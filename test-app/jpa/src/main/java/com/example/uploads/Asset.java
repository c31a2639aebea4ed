package com.example.uploads;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** TABLE_PER_CLASS inheritance: every concrete subclass has a table of its own, with this column in it. */
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Asset {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    public Long id;

    public String path;
}
