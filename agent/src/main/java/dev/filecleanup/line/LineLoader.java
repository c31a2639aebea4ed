package dev.filecleanup.line;

import java.io.IOException;
import java.io.InputStream;

/**
 * Defines the version lines' classes (which compile against Hibernate) as a child of the application's
 * Hibernate class loader. The agent jar sits on the system class path, which in a Spring Boot fat jar or an
 * application server cannot see Hibernate; classes defined here can, and they still see our core classes
 * through ordinary parent delegation.
 */
final class LineLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    /** Everything under this package compiles against Hibernate and is defined here, never by the agent's loader. */
    static final String HIBERNATE_TYPED = "dev.filecleanup.hibernate.";

    LineLoader(ClassLoader hibernateLoader) {
        super(hibernateLoader);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(HIBERNATE_TYPED)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] bytes = readOwnClass(name);
                loaded = defineClass(name, bytes, 0, bytes.length, LineLoader.class.getProtectionDomain());
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private static byte[] readOwnClass(String name) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        ClassLoader agentLoader = LineLoader.class.getClassLoader();
        try (InputStream in = agentLoader == null
                ? ClassLoader.getSystemResourceAsStream(resource)
                : agentLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}
