package com.example.uploads;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A generated thumbnail of a photo. */
@Entity
public class Thumbnail {
    @Id
    @GeneratedValue
    public Long id;

    public String path;

    @ManyToOne
    public Photo photo;

    public Thumbnail() {
    }

    public Thumbnail(Photo photo, String path) {
        this.photo = photo;
        this.path = path;
        photo.thumbnails.add(this);
    }
}
