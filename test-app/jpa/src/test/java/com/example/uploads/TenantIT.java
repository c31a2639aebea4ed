package com.example.uploads;

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
}
