package dev.filecleanup.catalog;

import dev.filecleanup.capture.BulkStatements;
import dev.filecleanup.capture.CollectionStates;
import dev.filecleanup.capture.EntityStates;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What a version line reads from one SessionFactory. Implementations compile against (or reflect on) one
 * Hibernate line and are defined inside the application's Hibernate class loader by the line's loader.
 */
public interface FactoryModel {

    /** A label for the log: the SessionFactory or persistence unit name. */
    String name();

    String hibernateVersion();

    /** Every attribute that maps to one column: entity attributes, embedded ones and collection elements. */
    List<MappedAttribute> attributes();

    /**
     * A connection for the reference check, outside any transaction of the application: the tenant's under
     * multi-tenancy (null for none), else the agent's own, one borrowed from the factory's DataSource, or one
     * from the pool the factory manages.
     */
    Connection openConnection(Object tenant) throws SQLException;

    void closeConnection(Object tenant, Connection connection) throws SQLException;

    /** Whether {@link #openConnection} needs a tenant: the factory has a multi-tenant connection provider. */
    boolean multiTenant();

    /** Whether connections can still be opened once the factory is closed. */
    boolean outlivesFactory();

    /** Reads entities and rows where Hibernate's actions carry no state. */
    EntityStates states();

    /** Reads element collections: their snapshots and rows. */
    CollectionStates collections();

    /** Reads bulk statements and the rows they are about to touch. */
    BulkStatements bulk();

    /** Implemented by each line's reader, which must have a public no-argument constructor. */
    interface Reader {
        FactoryModel read(Object sessionFactory);
    }
}
