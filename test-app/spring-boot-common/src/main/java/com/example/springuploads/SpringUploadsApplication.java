package com.example.springuploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import com.example.springarchive.ArchiveRepository;
import com.example.springarchive.ArchivedUpload;

/**
 * A Spring Boot application with Spring Data JPA, packaged as a fat jar. Arguments: the scenario ("uploads")
 * and the upload folder. It never references the agent.
 */
@SpringBootApplication
public class SpringUploadsApplication implements ApplicationRunner {
    private final UploadRepository uploads;
    private final UploadService service;
    private final ArchiveRepository archive;
    private final TransactionTemplate transactions;
    private final Environment environment;

    public SpringUploadsApplication(UploadRepository uploads, UploadService service, ArchiveRepository archive,
                                    PlatformTransactionManager transactionManager, Environment environment) {
        this.uploads = uploads;
        this.service = service;
        this.archive = archive;
        this.transactions = new TransactionTemplate(transactionManager);
        this.environment = environment;
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(SpringUploadsApplication.class, args);
        System.exit(SpringApplication.exit(context));
    }

    @Override
    public void run(ApplicationArguments arguments) {
        Path root = Path.of(arguments.getNonOptionArgs().get(1));

        Upload byId = uploads.save(new Upload(store(root, "spring/deleted-by-id.txt")));
        uploads.deleteById(byId.getId());

        Upload byEntity = uploads.save(new Upload(store(root, "spring/deleted-by-entity.txt")));
        uploads.delete(byEntity);

        Upload replaced = uploads.save(new Upload(store(root, "spring/replaced-old.txt")));
        service.replace(replaced.getId(), store(root, "spring/replaced-new.txt"));

        Upload saved = uploads.save(new Upload(store(root, "spring/saved-old.txt")));
        saved.setPath(store(root, "spring/saved-new.txt"));
        uploads.save(saved);

        Upload failedReplace = uploads.save(new Upload(store(root, "spring/rollback-replace-old.txt")));
        try {
            service.replaceThenFail(failedReplace.getId(), store(root, "spring/rollback-replace-new.txt"));
        } catch (IllegalStateException expected) {
            System.out.println("rolled back: " + expected.getMessage());
        }

        Upload failedDelete = uploads.save(new Upload(store(root, "spring/rollback-delete.txt")));
        try {
            service.deleteThenFail(failedDelete.getId());
        } catch (IllegalStateException expected) {
            System.out.println("rolled back: " + expected.getMessage());
        }
        Upload outer = uploads.save(new Upload(store(root, "spring/outer-old.txt")));
        Upload inner = uploads.save(new Upload(store(root, "spring/inner-removed.txt")));
        try {
            service.outerFailsAfterInnerCommits(outer.getId(), store(root, "spring/outer-new.txt"), inner.getId());
        } catch (IllegalStateException expected) {
            System.out.println("outer rolled back, inner committed: " + !uploads.existsById(inner.getId()));
        }

        Upload readOnly = uploads.save(new Upload(store(root, "spring/read-only.txt")));
        service.removeInReadOnlyTransaction(readOnly.getId());
        System.out.println("row after read-only removal exists: " + uploads.existsById(readOnly.getId()));

        Upload templated = uploads.save(new Upload(store(root, "spring/template-removed.txt")));
        transactions.executeWithoutResult(status -> uploads.deleteById(templated.getId()));
        Upload templatedRollback = uploads.save(new Upload(store(root, "spring/template-rollback.txt")));
        transactions.executeWithoutResult(status -> {
            uploads.deleteById(templatedRollback.getId());
            uploads.flush();
            status.setRollbackOnly();
        });

        // Batch deletes are bulk JPQL statements: "delete from Upload x where x = ?1 or x = ?2" and the like.
        Upload batchA = uploads.save(new Upload(store(root, "spring/batch-a.txt")));
        Upload batchB = uploads.save(new Upload(store(root, "spring/batch-b.txt")));
        uploads.deleteAllInBatch(List.of(batchA, batchB));
        Upload batchById = uploads.save(new Upload(store(root, "spring/batch-by-id.txt")));
        uploads.deleteAllByIdInBatch(List.of(batchById.getId()));
        uploads.save(new Upload(store(root, "spring/modifying/one.txt")));
        uploads.save(new Upload(store(root, "spring/modifying/two.txt")));
        System.out.println("deleted by a @Modifying query: " + uploads.deleteByPathPrefix("spring/modifying/"));

        ArchivedUpload archived = archive.save(new ArchivedUpload(store(root, "spring/archived.txt")));
        archive.deleteById(archived.getId());
        String shared = store(root, "spring/shared-across-units.txt");
        Upload sharedUpload = uploads.save(new Upload(shared));
        archive.save(new ArchivedUpload(shared));
        uploads.delete(sharedUpload);
        System.out.println("spring scenario finished");
        // Set when a web server runs: then the agent's meters are read through the actuator.
        Integer port = environment.getProperty("local.server.port", Integer.class);
        if (port != null) {
            try {
                MetricsProbe.print(port, "filecleanup.files?tag=outcome:deleted",
                        "filecleanup.files?tag=outcome:kept", "filecleanup.files.kept?tag=reason:still_referenced",
                        "filecleanup.files?tag=outcome:released", "filecleanup.pending");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String store(Path root, String name) {
        try {
            Path file = root.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, name);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
