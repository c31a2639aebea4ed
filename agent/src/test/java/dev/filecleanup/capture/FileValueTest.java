package dev.filecleanup.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileValueTest {

    @Test
    void stringsPathsAndFilesNameTheirPath() {
        assertEquals("docs/a.pdf", FileValue.of("docs/a.pdf"));
        assertEquals("docs/a.pdf", FileValue.of(Path.of("docs/a.pdf")));
        assertEquals("docs/a.pdf", FileValue.of(new File("docs/a.pdf")));
    }

    @Test
    void aFileUriIsKeptAsItsTextAndOtherSchemesNameNoFile() {
        assertEquals("file:/srv/uploads/a%20b.pdf", FileValue.of(URI.create("file:/srv/uploads/a%20b.pdf")));
        assertEquals("FILE:/x.pdf", FileValue.of(URI.create("FILE:/x.pdf")));
        assertNull(FileValue.of(URI.create("https://example.com/a.pdf")));
        assertNull(FileValue.of(URI.create("a.pdf")));
        assertEquals(URI.create("file:/a%20b"), FileValue.toAttribute("file:/a%20b", URI.class));
        assertEquals("file:/a", FileValue.toJdbc(URI.create("file:/a")));
    }

    @Test
    void nothingElseIsAFileValue() {
        assertNull(FileValue.of(null));
        assertNull(FileValue.of(""));
        assertNull(FileValue.of("  "));
        assertNull(FileValue.of(42));
        // Hibernate's marker for a lazy attribute never fetched is neither of the three types.
        assertNull(FileValue.of(new Object()));
    }

    @Test
    void aStoredPathBecomesTheAttributesType() {
        assertEquals(Path.of("a/b"), FileValue.toAttribute("a/b", Path.class));
        assertEquals(new File("a/b"), FileValue.toAttribute("a/b", File.class));
        assertEquals("a/b", FileValue.toAttribute("a/b", String.class));
    }

    @Test
    void relationalPathsAndFilesAreBoundAsText() {
        assertEquals("a/b", FileValue.toJdbc(Path.of("a/b")));
        assertEquals("a/b", FileValue.toJdbc(new File("a/b")));
        assertEquals(7L, FileValue.toJdbc(7L));
    }

    @Test
    void onlyPathFileAndUriAreFileTypesAndStringsCanHoldOne() {
        assertTrue(FileValue.isFileType(Path.class));
        assertTrue(FileValue.isFileType(File.class));
        assertTrue(FileValue.isFileType(URI.class));
        assertFalse(FileValue.isFileType(String.class));
        assertTrue(FileValue.canHold(String.class));
        assertFalse(FileValue.canHold(java.net.URL.class));
        assertFalse(FileValue.canHold(null));
    }
}
