package dev.filecleanup.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What may be a storage root. A root is where every file may be deleted, so it must be a folder of uploads and
 * nothing wider: not the file-system root, a home or system directory, the Java runtime, a relative path, or
 * anything but an existing directory (unless roots mounted later are allowed). A root reached through a symbolic
 * link is judged by its real path too.
 */
final class RootRules {
    private static final Set<String> SYSTEM = Set.of("/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32",
            "/lib64", "/libx32", "/media", "/mnt", "/opt", "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp",
            "/usr", "/usr/bin", "/usr/lib", "/usr/local", "/usr/sbin", "/usr/share", "/var", "/var/cache",
            "/var/lib", "/var/log", "/var/mail", "/var/run", "/var/spool", "/var/tmp", "/Applications", "/Library",
            "/System", "/Users", "/Volumes", "/private", "/private/tmp", "/private/var");

    private RootRules() {
    }

    /** Why {@code root} may not be a storage root, or null when it may. */
    static String refusal(Path root, boolean allowMissing) {
        if (!root.isAbsolute()) {
            return "is relative; give an absolute path";
        }
        Path normal = root.normalize();
        String refusal = wide(normal);
        if (refusal != null) {
            return refusal;
        }
        if (!Files.exists(normal)) {
            return allowMissing ? null
                    : "does not exist (set filecleanup.allowMissingRoots=true for a root that is mounted later)";
        }
        if (!Files.isDirectory(normal)) {
            return "is not a directory";
        }
        try {
            Path real = normal.toRealPath();
            refusal = wide(real);
            return refusal == null ? null : refusal + " (" + real + " through a symbolic link)";
        } catch (IOException | SecurityException e) {
            return "cannot be inspected: " + e;
        }
    }

    /** Pairs of roots of which one lies inside the other: legal, but relative values resolve against the first. */
    static List<String> overlaps(List<Path> roots) {
        List<String> overlaps = new ArrayList<>();
        for (Path inner : roots) {
            for (Path outer : roots) {
                if (!inner.equals(outer) && inner.startsWith(outer)) {
                    overlaps.add("storage root " + inner + " lies inside storage root " + outer);
                }
            }
        }
        return overlaps;
    }

    private static String wide(Path root) {
        if (root.getParent() == null) {
            return "is the root of the file system";
        }
        String text = root.toString();
        Path home = Path.of(System.getProperty("user.home", "/")).toAbsolutePath().normalize();
        Path javaHome = Path.of(System.getProperty("java.home", "/")).toAbsolutePath().normalize();
        if (root.equals(home) || "/home".equals(root.getParent().toString())
                || "/Users".equals(root.getParent().toString())) {
            return "is a home directory";
        }
        if (SYSTEM.contains(text)) {
            return "is a system directory";
        }
        if (home.startsWith(root)) {
            return "holds the home directory " + home;
        }
        if (javaHome.startsWith(root)) {
            return "holds the Java runtime " + javaHome;
        }
        return null;
    }
}
