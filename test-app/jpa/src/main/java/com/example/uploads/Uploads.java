package com.example.uploads;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** The application's plumbing: an upload folder and a persistence unit, with transactions done by hand. */
public final class Uploads implements AutoCloseable {
    final Path root;
    final EntityManagerFactory emf;

    public Uploads(Path root) {
        this(root, Persistence.createEntityManagerFactory("uploads", jdbcOverrides()));
    }

    /** An application whose EntityManagerFactory is built elsewhere (JTA mode); only its folder is used here. */
    Uploads(Path root, EntityManagerFactory emf) {
        this.root = root;
        this.emf = emf;
    }

    private static Map<String, Object> jdbcOverrides() {
        Map<String, Object> overrides = new HashMap<>();
        // The tests point the application at PostgreSQL or MariaDB this way; the default is in persistence.xml.
        for (String setting : new String[] {"url", "user", "password"}) {
            String value = System.getProperty("app.jdbc." + setting);
            if (value != null) {
                overrides.put("jakarta.persistence.jdbc." + setting, value);
            }
        }
        // Any Hibernate setting, as -Dapp.hibernate.connection.pool_size=2 for hibernate.connection.pool_size.
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("app.hibernate."))
                .forEach(key -> overrides.put(key.substring("app.".length()), System.getProperty(key)));
        return overrides;
    }

    /** "Uploads" a file and returns the path to store, relative to the upload folder. */
    public String store(String name) {
        try {
            Path file = root.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "contents of " + name);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    public void run(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    public <T> T persist(T entity) {
        run(em -> em.persist(entity));
        return entity;
    }

    @Override
    public void close() {
        emf.close();
    }
}
