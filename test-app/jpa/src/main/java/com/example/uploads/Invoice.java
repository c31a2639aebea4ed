package com.example.uploads;

import jakarta.persistence.Entity;

/** A JOINED subclass of {@link Attachment}. */
@Entity
public class Invoice extends Attachment {
    public long amountCents;

    public Invoice() {
    }

    public Invoice(String path, long amountCents) {
        this.path = path;
        this.amountCents = amountCents;
    }
}
