package com.example.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hibernate.bytecode.enhance.spi.DefaultEnhancementContext;
import org.hibernate.bytecode.enhance.spi.Enhancer;
import org.hibernate.bytecode.internal.bytebuddy.BytecodeProviderImpl;

/**
 * Enhances entity classes with the Hibernate under test, as its build plugin would, into a folder that goes first
 * on the application's class path: enhanced code is tied to its Hibernate version, so it cannot be built once.
 */
final class Enhanced {

    private Enhanced() {
    }

    /** A new folder holding the enhanced class files; fails if Hibernate left a class as it was. */
    static Path classes(String... classNames) throws IOException {
        Path folder = Files.createTempDirectory("enhanced-classes");
        Enhancer enhancer = new BytecodeProviderImpl().getEnhancer(new DefaultEnhancementContext());
        for (String className : classNames) {
            String resource = className.replace('.', '/') + ".class";
            byte[] original;
            try (InputStream in = Enhanced.class.getClassLoader().getResourceAsStream(resource)) {
                original = in.readAllBytes();
            }
            byte[] enhanced = enhancer.enhance(className, original);
            if (enhanced == null) {
                throw new IllegalStateException("Hibernate did not enhance " + className);
            }
            Path file = folder.resolve(resource);
            Files.createDirectories(file.getParent());
            Files.write(file, enhanced);
        }
        return folder;
    }
}
