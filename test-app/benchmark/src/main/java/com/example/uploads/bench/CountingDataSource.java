package com.example.uploads.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * H2 behind a DataSource that counts the JDBC statements prepared on one thread: Hibernate's and the agent's in
 * the application's transaction (the agent reads some rows with plain JDBC, which Hibernate's statistics miss),
 * not the agent's reference check, which runs on its own thread after commit.
 */
final class CountingDataSource {
    private final Thread counted;
    private final AtomicInteger statements = new AtomicInteger();

    private CountingDataSource(Thread counted) {
        this.counted = counted;
    }

    /** A DataSource for {@code url} that counts what {@code counted} prepares. */
    static CountingDataSource on(String url, Thread counted) {
        return new CountingDataSource(counted).over(url);
    }

    private DataSource dataSource;

    private CountingDataSource over(String url) {
        dataSource = (DataSource) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getConnection" -> proxy(Connection.class, DriverManager.getConnection(url, "sa", ""),
                            this::count);
                    case "unwrap", "getLogWriter", "getParentLogger" -> null;
                    case "isWrapperFor" -> false;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    case "toString" -> "counting " + url;
                    default -> null;
                });
        return this;
    }

    DataSource dataSource() {
        return dataSource;
    }

    int statements() {
        return statements.get();
    }

    void clear() {
        statements.set(0);
    }

    private Object count(Method method, Object result) {
        if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
            if (Thread.currentThread() == counted) {
                statements.incrementAndGet();
            }
        }
        return result;
    }

    private interface After {
        Object apply(Method method, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, arguments) -> {
                    try {
                        return after.apply(method, method.invoke(target, arguments));
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }
}
