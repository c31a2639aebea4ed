package dev.filecleanup.hibernate;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.hibernate.boot.registry.classloading.spi.ClassLoaderService;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.jdbc.connections.internal.ConnectionProviderInitiator;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * A connection of the agent's own, opened with the factory's JDBC settings, so that the check never takes one of
 * the few that Hibernate's built-in pool holds, and can still read the database after the factory is closed.
 */
final class OwnConnections extends FactoryConnections {
    private final String url;
    private final Properties properties;
    private final Driver driver;

    private OwnConnections(String url, Properties properties, Driver driver) {
        this.url = url;
        this.properties = properties;
        this.driver = driver;
    }

    @SuppressWarnings("unchecked")
    static OwnConnections of(SessionFactoryImplementor factory) {
        // The settings as configured: the factory's own getProperties() masks the credentials.
        Map<String, Object> settings = factory.getServiceRegistry().getService(ConfigurationService.class)
                .getSettings();
        String url = setting(settings, "hibernate.connection.url", "jakarta.persistence.jdbc.url",
                "javax.persistence.jdbc.url");
        if (url == null) {
            return null;
        }
        String driverClass = setting(settings, "hibernate.connection.driver_class",
                "jakarta.persistence.jdbc.driver", "javax.persistence.jdbc.driver");
        Driver driver = null;
        if (driverClass != null) {
            try {
                driver = (Driver) factory.getServiceRegistry().getService(ClassLoaderService.class)
                        .classForName(driverClass).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        Properties properties = ConnectionProviderInitiator.getConnectionProperties(settings);
        String password = setting(settings, "hibernate.connection.password", "jakarta.persistence.jdbc.password",
                "javax.persistence.jdbc.password");
        String user = setting(settings, "hibernate.connection.username", "jakarta.persistence.jdbc.user",
                "javax.persistence.jdbc.user");
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return new OwnConnections(url, properties, driver);
    }

    private static String setting(Map<String, Object> settings, String... keys) {
        for (String key : keys) {
            if (settings.get(key) instanceof String value && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    @Override
    Connection open(Object tenant) throws SQLException {
        Connection connection = driver == null ? DriverManager.getConnection(url, properties)
                : driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException("the driver does not accept " + url, "08001");
        }
        return connection;
    }

    @Override
    void close(Object tenant, Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    boolean outlivesFactory() {
        return true;
    }
}
