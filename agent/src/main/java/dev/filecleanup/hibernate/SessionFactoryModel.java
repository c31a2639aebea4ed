package dev.filecleanup.hibernate;

import dev.filecleanup.capture.BulkStatements;
import dev.filecleanup.capture.CollectionStates;
import dev.filecleanup.capture.EntityStates;
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
 * name, its version and its connections. A line brings its attributes and the way it reads entities and rows.
 */
public final class SessionFactoryModel implements FactoryModel {
    private static final CollectionStates COLLECTIONS = new HibernateCollections();

    private final SessionFactoryImplementor factory;
    private final List<MappedAttribute> attributes;
    private final EntityStates states;
    private final BulkStatements bulk;
    private final FactoryConnections connections;

    public SessionFactoryModel(SessionFactoryImplementor factory, List<MappedAttribute> attributes,
                               EntityStates states, BulkStatements bulk) {
        this.factory = factory;
        this.attributes = List.copyOf(attributes);
        this.states = states;
        this.bulk = bulk;
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
    public EntityStates states() {
        return states;
    }

    @Override
    public CollectionStates collections() {
        return COLLECTIONS;
    }

    @Override
    public BulkStatements bulk() {
        return bulk;
    }
}
