package com.example.uploads;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SecondaryTable;
import java.util.ArrayList;
import java.util.List;

/** Files inside an embeddable, in a collection of paths, in a collection of embeddables and in a secondary table. */
@Entity
@SecondaryTable(name = "ArticleCredits")
public class Article {
    @Id
    @GeneratedValue
    public Long id;

    @Embedded
    public Cover cover;

    @Column(table = "ArticleCredits")
    public String creditsFile;

    @ElementCollection(fetch = FetchType.EAGER)
    public List<String> gallery = new ArrayList<>();

    @ElementCollection
    public List<Figure> figures = new ArrayList<>();

    /** An article's cover picture. */
    @Embeddable
    public static class Cover {
        public String path;

        public Cover() {
        }

        public Cover(String path) {
            this.path = path;
        }
    }

    /** A figure of an article, with its file. */
    @Embeddable
    public static class Figure {
        public String file;

        public Figure() {
        }

        public Figure(String file) {
            this.file = file;
        }
    }
}
