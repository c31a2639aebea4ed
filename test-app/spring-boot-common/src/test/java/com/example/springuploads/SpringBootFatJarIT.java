package com.example.springuploads;

import com.example.uploads.AgentRun;
import com.example.uploads.Folder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spring Boot application, packaged as a fat jar and started with {@code java -javaagent:... -jar}: Spring
 * Data repositories and {@code @Transactional} services, with Hibernate loaded by Spring Boot's class loader.
 */
class SpringBootFatJarIT {
    @TempDir
    Path root;

    @Test
    void repositoriesAndTransactionalServicesCleanUpAfterCommitOnly() throws Exception {
        AgentRun.Result result = AgentRun.in(root)
                .option("filecleanup.attributes", "Upload.path")
                .jar(Path.of(System.getProperty("testapp.jar")))
                .scenario("uploads").succeeded();

        result.assertLogged("spring scenario finished");
        result.assertLogged("watching Upload.path");
        new Folder(root, result)
                .deleted("spring/deleted-by-id.txt", "spring/deleted-by-entity.txt", "spring/replaced-old.txt",
                        "spring/saved-old.txt")
                .kept("spring/replaced-new.txt", "spring/saved-new.txt", "spring/rollback-replace-old.txt",
                        "spring/rollback-replace-new.txt", "spring/rollback-delete.txt");
    }
}
