package com.example.springuploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.uploads.AgentRun;
import com.example.uploads.Folder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spring Boot application, packaged as a fat jar and started with {@code java -javaagent:... -jar}: Spring
 * Data repositories, {@code @Transactional} services (REQUIRES_NEW inside a failing transaction, read-only),
 * {@code TransactionTemplate}, batch deletes and a {@code @Modifying} query, and two persistence units; Hibernate is loaded by Spring Boot's class loader.
 * The rows of rolled-back transactions still hold their files, so the reference check would keep them anyway:
 * the test asserts that the tracking never handed them over.
 */
class SpringBootFatJarIT {
    @TempDir
    Path root;

    @Test
    void repositoriesTransactionalServicesAndTwoPersistenceUnitsCleanUpAfterCommitOnly() throws Exception {
        AgentRun.Result result = AgentRun.in(root)
                .option("filecleanup.attributes", "Upload.path,ArchivedUpload.path")
                .debug()
                .jar(Path.of(System.getProperty("testapp.jar")))
                .scenario("uploads").succeeded();

        result.assertLogged("spring scenario finished");
        result.assertLogged("SessionFactory 'uploads': watching Upload.path");
        result.assertLogged("SessionFactory 'archive': watching ArchivedUpload.path");
        result.assertLogged("outer rolled back, inner committed: true");
        result.assertLogged("row after read-only removal exists: true");
        result.assertLogged("deleted by a @Modifying query: 2");
        result.assertCapturedButNeverHandedOver("spring/rollback-replace-old.txt", "spring/rollback-delete.txt",
                "spring/outer-old.txt", "spring/template-rollback.txt");
        result.assertNeverMentioned("spring/read-only.txt");
        new Folder(root, result)
                .deleted("spring/deleted-by-id.txt", "spring/deleted-by-entity.txt", "spring/replaced-old.txt",
                        "spring/saved-old.txt", "spring/inner-removed.txt", "spring/template-removed.txt",
                        "spring/archived.txt", "spring/batch-a.txt", "spring/batch-b.txt", "spring/batch-by-id.txt",
                        "spring/modifying/one.txt", "spring/modifying/two.txt")
                .kept("spring/replaced-new.txt", "spring/saved-new.txt", "spring/rollback-replace-old.txt",
                        "spring/rollback-replace-new.txt", "spring/rollback-delete.txt", "spring/outer-old.txt",
                        "spring/outer-new.txt", "spring/read-only.txt", "spring/template-rollback.txt",
                        "spring/shared-across-units.txt");
    }

    /**
     * The agent's counters as Micrometer meters, read through the application's own {@code /actuator/metrics}:
     * the agent finds Micrometer in the fat jar's class loader and registers in its global registry, which Spring
     * Boot's registry joins. Without the agent, these meters do not exist (404).
     */
    @Test
    void theAgentsCountersAreMetersInTheApplicationsActuator() throws Exception {
        AgentRun.Result result = AgentRun.in(root)
                .option("filecleanup.attributes", "Upload.path,ArchivedUpload.path")
                .option("spring.main.web-application-type", "servlet")
                .jar(Path.of(System.getProperty("testapp.jar")))
                .scenario("uploads").succeeded();

        result.assertLogged("drained: true");
        result.assertLogged("meters filecleanup.* registered in Micrometer's global registry");
        // The twelve files the first test sees deleted, and the one another persistence unit still names.
        assertEquals(12, meter(result, "filecleanup.files?tag=outcome:deleted"));
        assertEquals(1, meter(result, "filecleanup.files.kept?tag=reason:still_referenced"));
        assertEquals(1, meter(result, "filecleanup.files?tag=outcome:kept"));
        assertEquals(13, meter(result, "filecleanup.files?tag=outcome:released"));
        assertEquals(0, meter(result, "filecleanup.pending"));
    }

    /** The value of a meter's only measurement, from the actuator's JSON. */
    private static double meter(AgentRun.Result result, String query) {
        Matcher line = Pattern.compile("actuator " + Pattern.quote(query) + " -> (\\d+) (.*)").matcher(result.output());
        assertTrue(line.find(), "no actuator answer for " + query + ":\n" + result.output());
        assertEquals("200", line.group(1), line.group());
        Matcher value = Pattern.compile("\"value\":([0-9.E]+)").matcher(line.group(2));
        assertTrue(value.find(), line.group());
        return Double.parseDouble(value.group(1));
    }

    /**
     * {@code filecleanup.log=application}: the agent's lines go through the application's Logback, logger
     * {@code dev.filecleanup}, in the application's pattern, and none through the agent's own stderr logger. The
     * warning about nested roots is logged at premain, before Spring Boot has configured Logback: it is held
     * and handed over too. (Spring Boot's logging shutdown hook is off here, so that Logback still writes the
     * exit summary; with it, a summary logged after Logback stopped goes to stderr.)
     */
    @Test
    void withLogApplicationTheAgentLogsThroughTheApplicationsLogback() throws Exception {
        Path nested = Files.createDirectories(root.resolve("nested"));
        AgentRun.Result result = AgentRun.in(root)
                .option("filecleanup.roots", root + "," + nested)
                .option("filecleanup.attributes", "Upload.path,ArchivedUpload.path")
                .option("filecleanup.log", "application")
                .option("logging.level.dev.filecleanup", "INFO")
                .option("logging.pattern.console", "APPLOG %level %logger %msg%n")
                .option("logging.register-shutdown-hook", "false")
                .jar(Path.of(System.getProperty("testapp.jar")))
                .scenario("uploads").succeeded();

        result.assertLogged("spring scenario finished");
        result.assertLogged("APPLOG WARN dev.filecleanup storage root " + nested + " lies inside storage root " + root);
        result.assertLogged("APPLOG INFO dev.filecleanup hibernate-file-cleanup ");
        result.assertLogged("APPLOG INFO dev.filecleanup Hibernate ");
        result.assertLogged("SessionFactory 'uploads': watching Upload.path");
        result.assertLogged("APPLOG INFO dev.filecleanup deleted " + root.toRealPath().resolve("spring/deleted-by-id.txt")
                + " (Upload.path removed)");
        result.assertLogged("APPLOG INFO dev.filecleanup summary: ");
        assertEquals(List.of(), result.output().lines().filter(line -> line.contains(" file-cleanup - ")).toList(),
                result.output());
        new Folder(root, result).deleted("spring/deleted-by-id.txt", "spring/batch-a.txt")
                .kept("spring/rollback-delete.txt");
    }
}
