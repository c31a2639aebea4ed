package com.example.uploads;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.nio.file.Path;

/** A file attribute typed {@code Path}: watched without any configuration. */
@Entity
public class Contract {
    @Id
    @GeneratedValue
    public Long id;

    @Convert(converter = PathConverter.class)
    public Path scan;

    public Contract() {
    }

    public Contract(Path scan) {
        this.scan = scan;
    }
}
