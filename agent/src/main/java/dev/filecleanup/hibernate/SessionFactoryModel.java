package dev.filecleanup.hibernate;

import dev.filecleanup.capture.StateCapture.RowReader;
import dev.filecleanup.catalog.FactoryModel;
import dev.filecleanup.catalog.MappedAttribute;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.Version;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * The part of a SessionFactory's model that every line reads the same way, from Hibernate 5.6 to 7.x: its
 * name, its version and its connections. A line brings its attributes and the way it reads a row by id.
 */
public final class SessionFactoryModel implements FactoryModel {
    private final SessionFactoryImplementor factory;
    private final List<MappedAttribute> attributes;
    private final RowReader rows;
    private final FactoryConnections connections;

    public SessionFactoryModel(SessionFactoryImplementor factory, List<MappedAttribute> attributes, RowReader rows) {
        this.factory = factory;
        this.attributes = List.copyOf(attributes);
        this.rows = rows;
        this.connections = FactoryConnections.of(factory);
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
    public Connection openConnection(Object tenant) throws SQLException {
        return connections.open(tenant);
    }

    @Override
    public void closeConnection(Object tenant, Connection connection) throws SQLException {
        connections.close(tenant, connection);
    }

    @Override
    public boolean multiTenant() {
        return connections.multiTenant();
    }

    @Override
    public boolean outlivesFactory() {
        return connections.outlivesFactory();
    }

    @Override
    public Object[] databaseState(Object persister, Object id, Object session) {
        return rows.read(persister, id, session);
    }
}
