package com.example.uploads;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource over {@code DriverManager} whose connections can halt the JVM inside {@code commit()}: just before
 * the database commits (after every flush and the agent's journal write) or just after, before Hibernate hears of
 * it. No other point of a real crash is as narrow as these two.
 */
final class HaltingDataSource implements DataSource {
    enum Point { BEFORE_DATABASE_COMMIT, AFTER_DATABASE_COMMIT }

    private final String url;
    private final String user;
    private final String password;
    private final ThreadLocal<Point> armed = new ThreadLocal<>();

    HaltingDataSource(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The next commit on this thread halts the JVM at {@code point}. */
    void arm(Point point) {
        armed.set(point);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = DriverManager.getConnection(url, user, password);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Point point = armed.get();
                    boolean commit = "commit".equals(method.getName()) && point != null;
                    if (commit && point == Point.BEFORE_DATABASE_COMMIT) {
                        CrashScenarios.halt("before the database commit");
                    }
                    try {
                        Object result = method.invoke(connection, args);
                        if (commit) {
                            CrashScenarios.halt("after the database commit");
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
