package dev.filecleanup.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SelectorTest {
    private static final List<String> DOCUMENT = List.of("Document", "com.example.Document");

    @Test
    void exactNamesMatchOnlyThemselves() {
        Selector selector = Selector.parse("Document.filePath");
        assertTrue(selector.matches(DOCUMENT, "filePath"));
        assertFalse(selector.matches(DOCUMENT, "filePaths"));
        assertFalse(selector.matches(List.of("UserProfile"), "filePath"));
    }

    @Test
    void theEntityMayBeAQualifiedClassName() {
        assertTrue(Selector.parse("com.example.Document.filePath").matches(DOCUMENT, "filePath"));
        assertFalse(Selector.parse("org.example.Document.filePath").matches(DOCUMENT, "filePath"));
    }

    @Test
    void wildcardsWorkInEitherPart() {
        assertTrue(Selector.parse("Document.*Path").matches(DOCUMENT, "filePath"));
        assertTrue(Selector.parse("Document.*Path").matches(DOCUMENT, "Path"));
        assertFalse(Selector.parse("Document.*Path").matches(DOCUMENT, "pathName"));
        assertTrue(Selector.parse("*.avatar").matches(List.of("UserProfile"), "avatar"));
        assertTrue(Selector.parse("Doc*.file*").matches(DOCUMENT, "filePath"));
        assertTrue(Selector.parse("*.*").matches(DOCUMENT, "anything"));
    }

    @Test
    void regexCharactersAreLiteral() {
        assertFalse(Selector.parse("Doc$ument.file").matches(List.of("Docment"), "file"));
        assertTrue(Selector.parse("Outer$Inner.file").matches(List.of("Outer$Inner"), "file"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Document", ".filePath", "Document.", "Document.file path", "Doc(ument).x", ""})
    void malformedSelectorsAreRejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> Selector.parse(text));
    }

    @Test
    void listsSkipBlanksAndTrim() {
        assertEquals("[A.b, C.d]", Selector.parseList(" A.b ,, C.d ,").toString());
    }
}
