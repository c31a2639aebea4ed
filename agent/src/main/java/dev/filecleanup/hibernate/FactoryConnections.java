package dev.filecleanup.hibernate;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Where the reference check of one SessionFactory gets its connections: it takes at most one connection of
 * the application's at a time, never one of Hibernate's built-in pool, reads the right schema, and can still
 * read a factory that is closed when its connections outlive it:
 * <ul>
 *   <li>under multi-tenancy, from the tenant's connection provider;</li>
 *   <li>with Hibernate's own pool, a connection of the agent's own, opened with the factory's JDBC settings;</li>
 *   <li>with a DataSource the application hands to Hibernate, from that DataSource, one at a time;</li>
 *   <li>otherwise (a pool that Hibernate starts and stops, such as HikariCP, C3P0 or Agroal through their
 *   Hibernate integrations), one at a time from the factory, while it is open.</li>
 * </ul>
 */
abstract class FactoryConnections {

    abstract Connection open(Object tenant) throws SQLException;

    abstract void close(Object tenant, Connection connection) throws SQLException;

    boolean multiTenant() {
        return false;
    }

    abstract boolean outlivesFactory();

    static FactoryConnections of(SessionFactoryImplementor factory) {
        MultiTenantConnectionProvider<?> tenants =
                factory.getServiceRegistry().getService(MultiTenantConnectionProvider.class);
        if (tenants != null) {
            return new TenantConnections(tenants);
        }
        ConnectionProvider provider = factory.getServiceRegistry().getService(ConnectionProvider.class);
        // Hibernate's built-in pool and its DataSource provider: "…Impl" up to 6.6, without the suffix from 7.0.
        if (named(provider, "DriverManagerConnectionProviderImpl") != null
                || named(provider, "DriverManagerConnectionProvider") != null) {
            OwnConnections own = OwnConnections.of(factory);
            if (own != null) {
                return own;
            }
        }
        Class<?> dataSourceProvider = named(provider, "DatasourceConnectionProviderImpl");
        if (dataSourceProvider == null) {
            dataSourceProvider = named(provider, "DataSourceConnectionProvider");
        }
        if (dataSourceProvider != null
                && PublicMethods.call(dataSourceProvider, provider, "getDataSource") instanceof DataSource dataSource) {
            return new Borrowed(dataSource);
        }
        return new FromFactory(factory.getJdbcServices().getBootstrapJdbcConnectionAccess());
    }

    /** The provider's class or superclass with this simple name, if any (names moved between lines). */
    private static Class<?> named(Object provider, String simpleName) {
        for (Class<?> type = provider == null ? null : provider.getClass(); type != null;
             type = type.getSuperclass()) {
            if (type.getSimpleName().equals(simpleName)) {
                return type;
            }
        }
        return null;
    }

    private static final class Borrowed extends FactoryConnections {
        private final DataSource dataSource;

        Borrowed(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        Connection open(Object tenant) throws SQLException {
            return dataSource.getConnection();
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

    private static final class FromFactory extends FactoryConnections {
        private final JdbcConnectionAccess access;

        FromFactory(JdbcConnectionAccess access) {
            this.access = access;
        }

        @Override
        Connection open(Object tenant) throws SQLException {
            return access.obtainConnection();
        }

        @Override
        void close(Object tenant, Connection connection) throws SQLException {
            access.releaseConnection(connection);
        }

        @Override
        boolean outlivesFactory() {
            return false;
        }
    }
}
