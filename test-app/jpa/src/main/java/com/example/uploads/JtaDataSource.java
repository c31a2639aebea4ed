package com.example.uploads;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.XAConnection;
import javax.sql.XADataSource;

/**
 * The smallest JTA-aware DataSource, standing in for an application server's pool: inside a JTA transaction it
 * hands out one XA connection enlisted with that transaction (its {@code close()} is ignored until the
 * transaction ends); outside, a plain auto-commit connection.
 */
final class JtaDataSource extends PlainDataSource {
    private final XADataSource xa;
    private final TransactionManager transactions;
    private final Map<Transaction, Connection> enlisted = new ConcurrentHashMap<>();

    JtaDataSource(XADataSource xa, TransactionManager transactions) {
        this.xa = xa;
        this.transactions = transactions;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            Transaction transaction = transactions.getTransaction();
            if (transaction == null || transaction.getStatus() != Status.STATUS_ACTIVE) {
                return xa.getXAConnection().getConnection();
            }
            Connection connection = enlisted.get(transaction);
            if (connection == null) {
                XAConnection xaConnection = xa.getXAConnection();
                transaction.enlistResource(xaConnection.getXAResource());
                transaction.registerSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        enlisted.remove(transaction);
                        try {
                            xaConnection.close();
                        } catch (SQLException ignored) {
                            // the transaction is over either way
                        }
                    }
                });
                connection = keepOpen(xaConnection.getConnection());
                enlisted.put(transaction, connection);
            }
            return connection;
        } catch (SQLException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException("cannot enlist a connection", e);
        }
    }

    private static Connection keepOpen(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
