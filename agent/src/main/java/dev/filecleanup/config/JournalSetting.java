package dev.filecleanup.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * {@code filecleanup.journal}: {@code none}, {@code table}, {@code file:<directory>}, or {@code auto}, the default,
 * a file journal in the user's home that belongs to this set of storage roots. A journal never lies inside a
 * storage root: its own files would then be candidates for deletion.
 *
 * @param directory where the file journal lives; null for {@code none} and {@code table}
 * @param automatic whether the directory was chosen for the user, who may then run without a journal if it
 *                  cannot be used; a directory the user named that cannot be used is an error
 * @param table     whether the journal is a table in each SessionFactory's database
 */
public record JournalSetting(Path directory, boolean automatic, boolean table) {
    static final String AUTO_FOLDER = ".filecleanup";

    /** Null when {@code raw} is not a journal setting at all. */
    static JournalSetting parse(String raw, List<Path> roots, Path home) {
        if ("none".equals(raw)) {
            return new JournalSetting(null, false, false);
        }
        if ("table".equals(raw)) {
            return new JournalSetting(null, false, true);
        }
        if ("auto".equals(raw)) {
            Path directory = home.resolve(AUTO_FOLDER).resolve("journal-" + fingerprint(roots));
            return new JournalSetting(inside(directory, roots) ? null : directory, true, false);
        }
        if (raw.startsWith("file:") && raw.length() > "file:".length()) {
            Path directory;
            try {
                directory = Path.of(raw.substring("file:".length())).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                return null;
            }
            if (inside(directory, roots)) {
                throw new IllegalArgumentException(
                        "the journal " + directory + " lies inside a storage root; put it outside every root");
            }
            return new JournalSetting(directory, false, false);
        }
        return null;
    }

    public boolean none() {
        return directory == null && !table;
    }

    /** Whether the directory, or what its existing part really is, lies inside a root, or holds one. */
    static boolean inside(Path directory, List<Path> roots) {
        Path real = real(directory);
        for (Path root : roots) {
            Path realRoot = real(root);
            if (directory.startsWith(root) || real.startsWith(realRoot) || root.startsWith(directory)
                    || realRoot.startsWith(real)) {
                return true;
            }
        }
        return false;
    }

    /** The real path of the longest existing prefix, followed by the rest as given. */
    private static Path real(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path));
        } catch (IOException | SecurityException e) {
            return path;
        }
    }

    /**
     * The same roots, in any order, always give the same folder; other roots give another. Two checksums, not a
     * cryptographic digest: nothing here is secret, and a digest's first use costs {@code premain} some 30 ms of
     * security providers.
     */
    static String fingerprint(List<Path> roots) {
        List<String> sorted = new ArrayList<>();
        for (Path root : roots) {
            sorted.add(root + "\n");
        }
        Collections.sort(sorted);
        byte[] text = String.join("", sorted).getBytes(StandardCharsets.UTF_8);
        CRC32C first = new CRC32C();
        first.update(text);
        CRC32 second = new CRC32();
        second.update(text);
        String hex = Long.toHexString(first.getValue() << 16 | second.getValue() & 0xffff);
        return "0".repeat(12 - hex.length()) + hex;
    }
}
