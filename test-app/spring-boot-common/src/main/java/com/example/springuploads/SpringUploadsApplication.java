package com.example.springuploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot application with Spring Data JPA, packaged as a fat jar. Arguments: the scenario ("uploads")
 * and the upload folder. It never references the agent.
 */
@SpringBootApplication
public class SpringUploadsApplication implements ApplicationRunner {
    private final UploadRepository uploads;
    private final UploadService service;

    public SpringUploadsApplication(UploadRepository uploads, UploadService service) {
        this.uploads = uploads;
        this.service = service;
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
        System.out.println("spring scenario finished");
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
