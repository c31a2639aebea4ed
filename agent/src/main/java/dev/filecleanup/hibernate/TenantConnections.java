package dev.filecleanup.hibernate;

import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

/** Connections of the releasing session's tenant, so that the check reads that tenant's schema. */
final class TenantConnections extends FactoryConnections {
    private final MultiTenantConnectionProvider<?> provider;

    TenantConnections(MultiTenantConnectionProvider<?> provider) {
        this.provider = provider;
    }

    /** The tenant's type is String before 6.4 and generic after: the methods are found by name. */
    @Override
    Connection open(Object tenant) throws SQLException {
        return tenant == null ? provider.getAnyConnection() : (Connection) sqlCall("getConnection", tenant);
    }

    @Override
    void close(Object tenant, Connection connection) throws SQLException {
        if (tenant == null) {
            provider.releaseAnyConnection(connection);
        } else {
            sqlCall("releaseConnection", tenant, connection);
        }
    }

    private Object sqlCall(String name, Object... arguments) throws SQLException {
        try {
            return PublicMethods.call(MultiTenantConnectionProvider.class, provider, name, arguments);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
    }

    @Override
    boolean multiTenant() {
        return true;
    }

    @Override
    boolean outlivesFactory() {
        return false;
    }
}
