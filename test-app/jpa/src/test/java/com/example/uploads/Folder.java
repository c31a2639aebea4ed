package com.example.uploads;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Assertions on the upload folder. */
public final class Folder {
    private final Path root;
    private final String output;

    public Folder(Path root, AgentRun.Result result) {
        this.root = root;
        this.output = result.output();
    }

    public Folder deleted(String... names) {
        for (String name : names) {
            assertFalse(Files.exists(root.resolve(name), LinkOption.NOFOLLOW_LINKS),
                    name + " should have been deleted; output:\n" + output);
        }
        return this;
    }

    public Folder kept(String... names) {
        for (String name : names) {
            assertTrue(Files.exists(root.resolve(name), LinkOption.NOFOLLOW_LINKS),
                    name + " should still exist; output:\n" + output);
        }
        return this;
    }
}
