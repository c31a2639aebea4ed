package dev.filecleanup.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RootRulesTest {
    @TempDir
    Path temp;

    @Test
    void anExistingFolderOfUploadsMayBeARoot() throws Exception {
        assertNull(RootRules.refusal(Files.createDirectories(temp.resolve("uploads")), false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/.", "/usr/..", "/etc", "/usr", "/var", "/tmp", "/home", "/root", "/usr/local"})
    void theFileSystemRootAndSystemDirectoriesAreRefused(String root) {
        String refusal = RootRules.refusal(Path.of(root), true);
        assertTrue(refusal != null && (refusal.startsWith("is the root of the file system")
                || refusal.startsWith("is a system directory") || refusal.startsWith("is a home directory")),
                root + ": " + refusal);
    }

    @Test
    void homeDirectoriesAndWhatHoldsThemAreRefused() {
        Path home = Path.of(System.getProperty("user.home"));
        assertEquals("is a home directory", RootRules.refusal(home, true));
        assertEquals("is a home directory", RootRules.refusal(Path.of("/home/someone"), true));
        if (home.getParent() != null && home.getParent().getParent() != null) {
            assertTrue(RootRules.refusal(home.getParent(), true) != null);
        }
    }

    @Test
    void theJavaRuntimeIsRefused() {
        Path javaHome = Path.of(System.getProperty("java.home"));
        assertTrue(RootRules.refusal(javaHome.getParent(), true).startsWith("holds the Java runtime"));
    }

    @Test
    void relativeMissingAndNonDirectoryRootsAreRefused() throws Exception {
        assertEquals("is relative; give an absolute path", RootRules.refusal(Path.of("uploads"), true));
        assertTrue(RootRules.refusal(temp.resolve("missing"), false).startsWith("does not exist"));
        assertNull(RootRules.refusal(temp.resolve("missing"), true));
        assertEquals("is not a directory", RootRules.refusal(Files.writeString(temp.resolve("file"), "x"), true));
    }

    @Test
    void aLinkToASystemDirectoryIsRefusedByItsRealPath() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve("etc-link"), Path.of("/etc"));
        assertEquals("is a system directory (/etc through a symbolic link)", RootRules.refusal(link, false));
    }
}
