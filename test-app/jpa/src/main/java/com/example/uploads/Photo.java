package com.example.uploads;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;

/** A photo in an album, with thumbnails it owns (the second level of cascade). */
@Entity
public class Photo {
    @Id
    @GeneratedValue
    public Long id;

    public String path;

    @ManyToOne
    public Album album;

    @OneToMany(mappedBy = "photo", cascade = CascadeType.REMOVE)
    public List<Thumbnail> thumbnails = new ArrayList<>();

    public Photo() {
    }

    public Photo(String path) {
        this.path = path;
    }
}
