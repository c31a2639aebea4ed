package dev.filecleanup.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What a version line reads from one SessionFactory. Implementations compile against (or reflect on) one
 * Hibernate line and are defined inside the application's Hibernate class loader by {@link LineLoader}.
 */
public interface FactoryModel {

    /** A label for the log: the SessionFactory or persistence unit name. */
    String name();

    String hibernateVersion();

    List<MappedAttribute> attributes();

    /** A connection for the reference check, outside any transaction of the application. */
    Connection openConnection() throws SQLException;

    void closeConnection(Connection connection) throws SQLException;

    /** Implemented by each line's reader, which must have a public no-argument constructor. */
    interface Reader {
        FactoryModel read(Object sessionFactory);
    }
}
