package dev.filecleanup.hibernate;

import dev.filecleanup.catalog.FactoryModel;
import dev.filecleanup.catalog.MappedAttribute;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.Version;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * The part of a SessionFactory's model that every line reads the same way, from Hibernate 5.6 to 7.x: its
 * name, its version, and JDBC connections for the reference check from its connection provider.
 */
public final class SessionFactoryModel implements FactoryModel {
    private final SessionFactoryImplementor factory;
    private final List<MappedAttribute> attributes;

    public SessionFactoryModel(SessionFactoryImplementor factory, List<MappedAttribute> attributes) {
        this.factory = factory;
        this.attributes = List.copyOf(attributes);
    }

    @Override
    public String name() {
        if (factory.getName() != null) {
            return factory.getName();
        }
        Object unit = factory.getProperties().get(AvailableSettings.PERSISTENCE_UNIT_NAME);
        return unit == null ? factory.getUuid() : unit.toString();
    }

    @Override
    public String hibernateVersion() {
        return Version.getVersionString();
    }

    @Override
    public List<MappedAttribute> attributes() {
        return attributes;
    }

    @Override
    public Connection openConnection() throws SQLException {
        return access().obtainConnection();
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        access().releaseConnection(connection);
    }

    private JdbcConnectionAccess access() {
        return factory.getJdbcServices().getBootstrapJdbcConnectionAccess();
    }
}
