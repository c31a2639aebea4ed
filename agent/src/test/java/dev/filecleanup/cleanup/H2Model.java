package dev.filecleanup.cleanup;

import dev.filecleanup.capture.BulkStatements;
import dev.filecleanup.capture.CollectionStates;
import dev.filecleanup.capture.EntityStates;
import dev.filecleanup.catalog.FactoryModel;
import dev.filecleanup.catalog.MappedAttribute;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A SessionFactory's model for tests, over an in-memory H2 database that lives until {@link #close()}:
 * connections can be held back, made to fail, and opened per tenant (a schema each).
 */
public final class H2Model implements FactoryModel, AutoCloseable {
    private final String url;
    private final Connection keepAlive;
    private final List<MappedAttribute> attributes;
    private boolean multiTenant;
    private boolean outlives = true;
    private CountDownLatch gate;
    private final CountDownLatch entered = new CountDownLatch(1);
    public final AtomicInteger failuresLeft = new AtomicInteger();
    /** What a failing connection attempt throws: by default an error that retrying may fix. */
    public volatile SQLException failure = new SQLTransientConnectionException("the database is down", "08001");
    public final AtomicInteger opened = new AtomicInteger();

    public H2Model(String name, List<MappedAttribute> attributes, String... statements) throws SQLException {
        this.url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        this.keepAlive = DriverManager.getConnection(url, "sa", "");
        this.attributes = attributes;
        execute(statements);
    }

    public void execute(String... statements) throws SQLException {
        try (Statement statement = keepAlive.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Connections are lent only once {@code gate} opens; {@link #awaitBlocked} tells when one waits. */
    public H2Model blockedBy(CountDownLatch gate) {
        this.gate = gate;
        return this;
    }

    public boolean awaitBlocked() throws InterruptedException {
        return entered.await(10, TimeUnit.SECONDS);
    }

    /** Connections are opened per tenant, each tenant a schema. */
    public H2Model perTenant() {
        this.multiTenant = true;
        return this;
    }

    /** Connections close with the factory, as when Hibernate starts and stops the pool. */
    public H2Model closingWithTheFactory() {
        this.outlives = false;
        return this;
    }

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public String hibernateVersion() {
        return "none";
    }

    @Override
    public List<MappedAttribute> attributes() {
        return attributes;
    }

    @Override
    public Connection openConnection(Object tenant) throws SQLException {
        entered.countDown();
        if (gate != null) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failuresLeft.getAndDecrement() > 0) {
            throw failure;
        }
        opened.incrementAndGet();
        Connection connection = DriverManager.getConnection(url, "sa", "");
        if (tenant != null) {
            connection.setSchema(tenant.toString());
        }
        return connection;
    }

    @Override
    public void closeConnection(Object tenant, Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public boolean multiTenant() {
        return multiTenant;
    }

    @Override
    public boolean outlivesFactory() {
        return outlives;
    }

    @Override
    public EntityStates states() {
        return null;
    }

    @Override
    public CollectionStates collections() {
        return null;
    }

    @Override
    public BulkStatements bulk() {
        return null;
    }

    @Override
    public void close() throws SQLException {
        execute("drop all objects");
        keepAlive.close();
    }
}
