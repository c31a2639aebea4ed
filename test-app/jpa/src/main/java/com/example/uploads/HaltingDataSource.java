package com.example.uploads;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A DataSource over {@code DriverManager} whose connections can halt the JVM inside {@code commit()}: just before
 * the database commits (after every flush and the agent's journal write) or just after, before Hibernate hears of
 * it. No other point of a real crash is as narrow as these two.
 */
final class HaltingDataSource extends PlainDataSource {
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
}
