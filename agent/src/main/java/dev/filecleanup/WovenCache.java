package dev.filecleanup;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.ProtectionDomain;
import java.util.concurrent.Callable;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Keeps the advised classes as Byte Buddy wove them, so that a later start of the same agent jar with the same
 * Hibernate needs no Byte Buddy at all: weaving starts some 1,300 cold classes, which on a small machine compete
 * with Hibernate's own bootstrap. An entry is named by a fingerprint of the agent jar's bytes (a rebuilt agent
 * never reads another build's entries) and of the original class file, and holds a checksum of what it stores;
 * anything that does not match is woven again. Entries live in {@code ~/.filecleanup/woven/<agent fingerprint>};
 * another build's folder is removed when this one's is made.
 */
final class WovenCache implements ClassFileTransformer {
    private final Path folder;
    private final Callable<ClassFileTransformer> weaving;
    private volatile ClassFileTransformer woven;

    /** {@code folder} may be null: nothing is kept. {@code weaving} is only started on a miss. */
    WovenCache(Path folder, Callable<ClassFileTransformer> weaving) {
        this.folder = folder;
        this.weaving = weaving;
    }

    /** The folder of this agent jar's entries under {@code base}, or null when the jar cannot be read. */
    static Path folder(Path base) {
        try {
            ProtectionDomain domain = WovenCache.class.getProtectionDomain();
            Path jar = Path.of(domain.getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return null;
            }
            String name = fingerprint(Files.readAllBytes(jar));
            Path folder = base.resolve(name);
            if (!Files.isDirectory(folder)) {
                removeOthers(base);
                Files.createDirectories(folder);
            }
            return folder;
        } catch (Exception | LinkageError e) {
            Log.debug("woven classes are not kept: {}", e.toString());
            return null;
        }
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] original) throws IllegalClassFormatException {
        Path entry = folder == null || classBeingRedefined != null ? null
                : folder.resolve(className.replace('/', '.') + "-" + fingerprint(original) + ".class");
        byte[] kept = entry == null ? null : read(entry);
        if (kept != null) {
            return kept;
        }
        byte[] bytes = weaving().transform(module, loader, className, classBeingRedefined, protectionDomain,
                original);
        if (entry != null && bytes != null) {
            write(entry, bytes);
        }
        return bytes;
    }

    private ClassFileTransformer weaving() {
        ClassFileTransformer started = woven;
        if (started == null) {
            synchronized (this) {
                started = woven;
                if (started == null) {
                    try {
                        started = weaving.call();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    woven = started;
                }
            }
        }
        return started;
    }

    /** The stored class, or null when it is missing or does not match its checksum. */
    private static byte[] read(Path entry) {
        try (InputStream in = Files.newInputStream(entry)) {
            ByteBuffer content = ByteBuffer.wrap(in.readAllBytes());
            if (content.remaining() <= Long.BYTES) {
                return null;
            }
            long sum = content.getLong();
            byte[] bytes = new byte[content.remaining()];
            content.get(bytes);
            return checksum(bytes) == sum ? bytes : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Written aside and moved into place: a reader never sees half an entry. */
    private static void write(Path entry, byte[] bytes) {
        try {
            Path temporary = Files.createTempFile(entry.getParent(), "writing-", ".tmp");
            Files.write(temporary, ByteBuffer.allocate(Long.BYTES + bytes.length).putLong(checksum(bytes)).put(bytes)
                    .array());
            try {
                Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Log.debug("could not keep the woven {}: {}", entry.getFileName(), e.toString());
        }
    }

    private static void removeOthers(Path base) throws IOException {
        if (!Files.isDirectory(base)) {
            return;
        }
        try (DirectoryStream<Path> builds = Files.newDirectoryStream(base)) {
            for (Path build : builds) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(build)) {
                    for (Path entry : entries) {
                        Files.deleteIfExists(entry);
                    }
                }
                Files.deleteIfExists(build);
            }
        } catch (IOException e) {
            Log.debug("could not remove another build's woven classes: {}", e.toString());
        }
    }

    /** The length and two checksums: what tells builds, and versions of a class, apart. */
    static String fingerprint(byte[] bytes) {
        return Integer.toHexString(bytes.length) + "-" + Long.toHexString(checksum(bytes));
    }

    private static long checksum(byte[] bytes) {
        CRC32C first = new CRC32C();
        first.update(bytes);
        CRC32 second = new CRC32();
        second.update(bytes);
        return first.getValue() << 32 | second.getValue();
    }
}
