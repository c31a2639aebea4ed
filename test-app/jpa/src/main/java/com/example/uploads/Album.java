package com.example.uploads;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

/** An album owns its photos: removing the album or dropping a photo from it removes the photo. */
@Entity
public class Album {
    @Id
    @GeneratedValue
    public Long id;

    public String name;

    @OneToMany(mappedBy = "album", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<Photo> photos = new ArrayList<>();

    public Album() {
    }

    public Album(String name) {
        this.name = name;
    }

    public Photo add(Photo photo) {
        photo.album = this;
        photos.add(photo);
        return photo;
    }
}
