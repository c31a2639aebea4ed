package dev.filecleanup.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageRootsTest {
    @TempDir
    Path temp;
    private Path uploads;
    private Path avatars;
    private Path outside;
    private StorageRoots roots;

    @BeforeEach
    void folders() throws Exception {
        uploads = Files.createDirectories(temp.resolve("uploads"));
        avatars = Files.createDirectories(temp.resolve("avatars"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "x");
        roots = new StorageRoots(List.of(uploads, avatars));
    }

    @Test
    void relativeValuesResolveAgainstTheFirstRoot() throws Exception {
        Path file = Files.writeString(Files.createDirectories(uploads.resolve("docs")).resolve("a.txt"), "a");
        StorageRoots.Resolution resolution = roots.resolve("docs/a.txt");
        assertNull(resolution.refusal());
        assertEquals(file.toRealPath(), resolution.file());
    }

    @Test
    void absoluteValuesInsideAnyRootQualify() throws Exception {
        Path file = Files.writeString(avatars.resolve("me.png"), "a");
        assertEquals(file.toRealPath(), roots.resolve(file.toString()).file());
    }

    @Test
    void aMissingFileInsideARootIsAlreadyGone() {
        StorageRoots.Resolution resolution = roots.resolve("never/there.txt");
        assertTrue(resolution.missing());
        assertNull(resolution.refusal());
    }

    @Test
    void valuesOutsideEveryRootAreRefused() {
        assertRefused(outside.resolve("secret.txt").toString(), "outside the storage roots");
        assertRefused("../outside/secret.txt", "outside the storage roots");
        assertRefused("docs/../../outside/secret.txt", "outside the storage roots");
        assertRefused(".", "outside the storage roots");
        assertRefused(uploads.toString(), "outside the storage roots");
    }

    @Test
    void symbolicLinksBelowARootAreRefused() throws Exception {
        Files.createSymbolicLink(uploads.resolve("link.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(uploads.resolve("dir"), outside);
        Files.createSymbolicLink(uploads.resolve("dangling.txt"), outside.resolve("nothing.txt"));
        assertRefused("link.txt", "reached through a symbolic link");
        assertRefused("dir/secret.txt", "reached through a symbolic link");
        assertRefused("dangling.txt", "is a dangling symbolic link");
    }

    /** Even where the link leads inside the root: a link is refused wherever it sits below the root. */
    @Test
    void linksThatStayInsideTheRootAreRefusedToo() throws Exception {
        Path docs = Files.createDirectories(uploads.resolve("deep/docs"));
        Files.writeString(docs.resolve("a.txt"), "a");
        Files.createSymbolicLink(uploads.resolve("alias"), docs);
        Files.createSymbolicLink(uploads.resolve("deep/alias"), docs);
        Files.createSymbolicLink(docs.resolve("latest.txt"), docs.resolve("a.txt"));
        assertRefused("alias/a.txt", "reached through a symbolic link");
        assertRefused("deep/alias/a.txt", "reached through a symbolic link");
        assertRefused("deep/docs/latest.txt", "reached through a symbolic link");
        assertNull(roots.resolve("deep/docs/a.txt").refusal());
    }

    /** A look ahead may reuse a folder's real path; the deletion's own resolution looks at the folder again. */
    @Test
    void aFolderReplacedByALinkAfterTheLookAheadIsRefusedAtTheDeletion() throws Exception {
        Path docs = Files.createDirectories(uploads.resolve("docs"));
        Files.writeString(docs.resolve("a.txt"), "a");
        Files.writeString(docs.resolve("b.txt"), "b");
        Map<Path, Path> folders = new HashMap<>();
        assertNull(roots.resolve("docs/a.txt", folders).refusal());

        Files.move(docs, outside.resolve("docs"));
        Files.createSymbolicLink(docs, outside.resolve("docs"));

        assertNull(roots.resolve("docs/b.txt", folders).refusal(), "the look ahead reuses what it saw");
        assertRefused("docs/b.txt", "reached through a symbolic link");
    }

    @Test
    void aRootThatIsItselfALinkIsFollowedOnce() throws Exception {
        Path linkedRoot = Files.createSymbolicLink(temp.resolve("current"), uploads);
        Path file = Files.writeString(uploads.resolve("b.txt"), "b");
        StorageRoots viaLink = new StorageRoots(List.of(linkedRoot));
        assertEquals(file.toRealPath(), viaLink.resolve("b.txt").file());
    }

    @Test
    void directoriesBlanksAndGarbageAreRefused() throws Exception {
        Files.createDirectories(uploads.resolve("folder"));
        assertRefused("folder", "is a directory");
        assertRefused("", "blank value");
        assertRefused("   ", "blank value");
        assertRefused(null, "blank value");
        assertRefused("bad\0name", "not a valid path");
    }

    @Test
    void withoutRootsEverythingIsRefused() {
        assertEquals("no storage roots configured", new StorageRoots(List.of()).resolve("a.txt").refusal());
    }

    private void assertRefused(String value, String reason) {
        String refusal = roots.resolve(value).refusal();
        assertTrue(refusal != null && refusal.startsWith(reason), value + " -> " + refusal);
    }

    @Test
    void aRootReachedThroughALinkAlsoCoversValuesThatSpellItsRealPath() throws Exception {
        Path linkedRoot = Files.createSymbolicLink(temp.resolve("current"), uploads);
        Path file = Files.writeString(uploads.resolve("c.txt"), "c");
        StorageRoots viaLink = new StorageRoots(List.of(linkedRoot));
        assertEquals(file.toRealPath(), viaLink.resolve(uploads.toRealPath().resolve("c.txt").toString()).file());
        assertEquals(file.toRealPath(), viaLink.resolve(linkedRoot.resolve("c.txt").toString()).file());
    }

    @Test
    void valuesAreReadLexicallyAgainstTheFirstRoot() {
        assertEquals(uploads.resolve("docs/a.txt"), roots.lexical("./docs//x/../a.txt/"));
        assertEquals(avatars.resolve("me.png"), roots.lexical(avatars + "/./me.png"));
        assertNull(roots.lexical("bad\0name"));
        // A file: URI names its path, escapes decoded; what is not a valid one is read as a path.
        assertEquals(uploads.resolve("a b.txt"), roots.lexical(uploads.resolve("a b.txt").toUri().toString()));
        assertEquals(uploads.resolve("a.txt"), roots.lexical("FILE:" + uploads.resolve("a.txt")));
        assertEquals(uploads.resolve("file:x.txt"), roots.lexical("file:x.txt"));
        assertEquals(uploads.resolve("file:/a b"), roots.lexical("file:/a b"));
        assertNull(roots.lexical(" "));
    }
}
