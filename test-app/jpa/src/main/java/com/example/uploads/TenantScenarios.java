package com.example.uploads;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

/**
 * The application with a schema per tenant (a database per tenant on MariaDB), on H2, PostgreSQL or MariaDB as
 * {@code app.jdbc.*} says. Tenant a's two rows share a file; the default schema has the same tables, empty.
 * Removing one of the two rows must keep the file, which only tenant a's schema shows. Arguments: "tenants",
 * the upload folder. Jakarta lines only: the provider's interface became generic in 6.4.
 */
public final class TenantScenarios {
    private static final String TENANT = "tenant_a";
    private static final ThreadLocal<String> CURRENT = ThreadLocal.withInitial(() -> TENANT);

    private TenantScenarios() {
    }

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("app.jdbc.url", "jdbc:h2:mem:tenants;DB_CLOSE_DELAY=-1");
        String user = System.getProperty("app.jdbc.user", "sa");
        String password = System.getProperty("app.jdbc.password", "");
        Schemas schemas = new Schemas(url, user, password);
        schemas.create(TENANT);

        Map<String, Object> settings = new HashMap<>();
        settings.put("jakarta.persistence.jdbc.url", url);
        settings.put("jakarta.persistence.jdbc.user", user);
        settings.put("jakarta.persistence.jdbc.password", password);
        // The tables of both schemas, made without a SessionFactory: a factory mapped to the tenant's schema
        // would be watched too, and its rows would protect the tenant's files whatever connection the check used.
        Persistence.generateSchema("uploads", settings);
        settings.put(url.startsWith("jdbc:mariadb") ? "hibernate.default_catalog" : "hibernate.default_schema",
                TENANT);
        Persistence.generateSchema("uploads", settings);

        Map<String, Object> tenancy = new HashMap<>(settings);
        tenancy.remove("hibernate.default_schema");
        tenancy.remove("hibernate.default_catalog");
        tenancy.put("jakarta.persistence.schema-generation.database.action", "none");
        tenancy.put("hibernate.multiTenancy", "SCHEMA");
        tenancy.put("hibernate.multi_tenant_connection_provider", schemas);
        tenancy.put("hibernate.tenant_identifier_resolver", new Resolver());
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("uploads", tenancy);
        Uploads app = new Uploads(Path.of(args[1]), emf);

        Document removed = app.persist(new Document("tenant a", app.store("tenant/shared.pdf")));
        app.persist(new Document("tenant a too", "tenant/shared.pdf"));
        Document control = app.persist(new Document("control", app.store("tenant/control.pdf")));
        app.run(em -> {
            em.remove(em.find(Document.class, removed.id));
            em.remove(em.find(Document.class, control.id));
        });
        if (Boolean.getBoolean("testapp.mbean.sweep")) {
            // An orphan sweep on demand, while the multi-tenant unit is open.
            ManagementProbe.print();
        }
        emf.close();
        System.out.println("tenant scenario finished");
    }

    /** A schema per tenant: each connection switches to its tenant's schema, or its database on MariaDB. */
    static final class Schemas implements MultiTenantConnectionProvider<String> {
        private final String url;
        private final String user;
        private final String password;

        Schemas(String url, String user, String password) {
            this.url = url;
            this.user = user;
            this.password = password;
        }

        void create(String tenant) throws SQLException {
            try (Connection connection = getAnyConnection(); Statement statement = connection.createStatement()) {
                statement.execute(url.startsWith("jdbc:mariadb") ? "create database if not exists " + tenant
                        : "create schema if not exists " + tenant);
            }
        }

        @Override
        public Connection getAnyConnection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public void releaseAnyConnection(Connection connection) throws SQLException {
            connection.close();
        }

        @Override
        public Connection getConnection(String tenant) throws SQLException {
            Connection connection = getAnyConnection();
            if (url.startsWith("jdbc:mariadb")) {
                connection.setCatalog(tenant);
            } else {
                // H2 keeps unquoted names in upper case, PostgreSQL in lower case; setSchema quotes.
                connection.setSchema(url.startsWith("jdbc:h2") ? tenant.toUpperCase() : tenant);
            }
            return connection;
        }

        @Override
        public void releaseConnection(String tenant, Connection connection) throws SQLException {
            connection.close();
        }

        @Override
        public boolean supportsAggressiveRelease() {
            return false;
        }

        @Override
        public boolean isUnwrappableAs(Class<?> type) {
            return false;
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }

    /** The current tenant, per thread. */
    static final class Resolver implements CurrentTenantIdentifierResolver<String> {
        @Override
        public String resolveCurrentTenantIdentifier() {
            return CURRENT.get();
        }

        @Override
        public boolean validateExistingCurrentSessions() {
            return false;
        }
    }
}
