package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Schema-per-tenant multi-tenancy: the check reads the releasing tenant's schema. Jakarta lines only. */
class TenantIT {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void theCheckReadsTheReleasingTenantsRows(Database database) throws Exception {
        Path root = Files.createDirectories(temp.resolve("uploads"));
        AgentRun.Result result = AgentRun.in(root).database(database)
                .mainClass("com.example.uploads.TenantScenarios").scenario("tenants").succeeded();
        result.assertLogged("tenant scenario finished");
        new Folder(root, result).kept("tenant/shared.pdf").deleted("tenant/control.pdf");
    }

    /** No connection reads every tenant's rows: a sweep would take their files for orphans, so it refuses. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("com.example.uploads.Database#selected")
    void aMultiTenantSessionFactoryRefusesTheOrphanSweep(Database database) throws Exception {
        Path root = Files.createDirectories(temp.resolve("uploads"));
        Files.createDirectories(root.resolve("tenant"));
        Files.writeString(root.resolve("tenant/orphan.pdf"), "no row names it");
        AgentRun.Result result = AgentRun.in(root).database(database)
                .option("filecleanup.sweep", "delete").option("filecleanup.sweep.at", "none")
                .option("filecleanup.sweep.minAge", "0s").option("filecleanup.sweep.force", "true")
                .option("filecleanup.sweep.reports", temp.resolve("reports").toString())
                .option("testapp.mbean.sweep", "true")
                .mainClass("com.example.uploads.TenantScenarios").scenario("tenants").succeeded();
        assertEquals("sweep refused: SessionFactory 'uploads' is multi-tenant, and no connection reads every "
                + "tenant's rows; every file is kept", result.mbean("sweepNow"));
        new Folder(root, result).kept("tenant/orphan.pdf", "tenant/shared.pdf");
    }
}
