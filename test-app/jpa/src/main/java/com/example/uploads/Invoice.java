package com.example.uploads;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import java.nio.file.Path;

/** A JOINED subclass of {@link Attachment}. */
@Entity
public class Invoice extends Attachment {
    public long amountCents;

    /** A file attribute of the subclass only, in the subclass's table. */
    @Convert(converter = PathConverter.class)
    public Path scan;

    public Invoice() {
    }

    public Invoice(String path, long amountCents) {
        this.path = path;
        this.amountCents = amountCents;
    }
}
