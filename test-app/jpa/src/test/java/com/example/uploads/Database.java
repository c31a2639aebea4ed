package com.example.uploads;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the end-to-end tests run against. A module names its own in {@code testapp.databases}; a
 * database that cannot be reached skips its tests with a message, unless {@code TESTAPP_REQUIRE_DBS}
 * (set by .ci/run) names it, in which case the tests fail.
 */
public enum Database {
    H2(null, null, null),
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/test", "postgres", ""),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/test", "root", "");

    /**
     * Held by the tests that reach PostgreSQL or MariaDB whatever {@link #selected()} says: they share one database
     * there, so when the tests run side by side (CI's run without the agent, on H2), these still run one at a time.
     */
    static final String SERVERS = "database servers";

    private final String url;
    private final String user;
    private final String password;

    Database(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * The databases this module tests: {@code testapp.databases} from its pom, unless the environment variable
     * {@code TESTAPP_DATABASES} narrows the run (CI's second Java version runs on H2 only).
     */
    public static Stream<Database> selected() {
        String names = System.getenv().getOrDefault("TESTAPP_DATABASES",
                System.getProperty("testapp.databases", "h2"));
        return Arrays.stream(names.split(","))
                .map(name -> valueOf(name.trim().toUpperCase(Locale.ROOT)));
    }

    /** A connection to this database, for an oracle that reads what the application committed; null for H2. */
    Connection connect() throws SQLException {
        return url == null ? null : DriverManager.getConnection(url, user, password);
    }

    /** JVM options that point the test application at this database. */
    List<String> options() {
        if (url == null) {
            return List.of();
        }
        return List.of("-Dapp.jdbc.url=" + url, "-Dapp.jdbc.user=" + user, "-Dapp.jdbc.password=" + password);
    }

    /** Skips the calling test when this database is down, or fails it when CI requires the database. */
    public void assumeReachable() {
        if (url == null) {
            return;
        }
        DriverManager.setLoginTimeout(5);
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.isValid(5);
        } catch (SQLException e) {
            String message = this + " at " + url + " is not reachable (" + e.getMessage() + ")";
            String required = System.getenv().getOrDefault("TESTAPP_REQUIRE_DBS", "");
            if (Arrays.asList(required.toLowerCase(Locale.ROOT).split(",")).contains(name().toLowerCase(Locale.ROOT))) {
                fail(message + "; TESTAPP_REQUIRE_DBS requires it");
            }
            Assumptions.abort(message + "; skipped. Start it, or set TESTAPP_REQUIRE_DBS=postgresql,mariadb "
                    + "to make this a failure.");
        }
    }

    @Override
    public String toString() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
