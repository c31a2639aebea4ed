package com.example.uploads;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;

/** Owns its portrait one-to-one, with orphan removal: a replaced or dropped portrait is deleted. */
@Entity
public class Passport {
    @Id
    @GeneratedValue
    public Long id;

    public String holder;

    @OneToOne(cascade = CascadeType.ALL, orphanRemoval = true)
    public Portrait portrait;

    public Passport() {
    }

    public Passport(String holder, Portrait portrait) {
        this.holder = holder;
        this.portrait = portrait;
    }
}
