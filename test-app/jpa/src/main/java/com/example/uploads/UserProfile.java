package com.example.uploads;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A user with an avatar picture. */
@Entity
public class UserProfile {
    @Id
    @GeneratedValue
    public Long id;

    public String name;

    public String avatar;

    public UserProfile() {
    }

    public UserProfile(String name, String avatar) {
        this.name = name;
        this.avatar = avatar;
    }
}
