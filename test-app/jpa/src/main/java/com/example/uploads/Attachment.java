package com.example.uploads;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** JOINED inheritance: the file column lives in the parent table. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class Attachment {
    @Id
    @GeneratedValue
    public Long id;

    public String path;
}
