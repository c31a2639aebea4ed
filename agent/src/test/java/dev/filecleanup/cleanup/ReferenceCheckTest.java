package dev.filecleanup.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filecleanup.capture.ReleasedFile;
import dev.filecleanup.catalog.FileColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** "Still referenced" means a committed row names the same file, under any spelling; on a real database (H2). */
class ReferenceCheckTest {
    private static final FileColumn DOCUMENT = new FileColumn("document", "file_path", false, String.class, null);

    @TempDir
    Path temp;
    private Path root;
    private final Counters counters = new Counters();
    private final List<H2Model> databases = new ArrayList<>();

    @BeforeEach
    void upload() throws Exception {
        root = Files.createDirectories(temp.resolve("uploads"));
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/a.pdf"), "a");
    }

    @AfterEach
    void drop() throws SQLException {
        for (H2Model database : databases) {
            database.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"docs/a.pdf", "./docs/a.pdf", "docs//a.pdf", "docs/../docs/a.pdf", "docs/a.pdf/",
            "ROOT/docs/a.pdf", "ROOT//docs/a.pdf", "ROOT/./docs/a.pdf", "docs/a.pdf   ", "docs/sub/../a.pdf"})
    void aRowThatSpellsTheFileAnotherWayReferencesIt(String spelling) throws Exception {
        ReferenceCheck check = check(List.of(root), rows(spelling.replace("ROOT", root.toString())));
        assertEquals(Map.of("docs/a.pdf", ReferenceCheck.STILL_REFERENCED), verdicts(check, "docs/a.pdf"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"other/a.pdf", "docs/A.pdf", "docs/xa.pdf", "a.pdf", "docs"})
    void aRowThatNamesAnotherFileDoesNot(String value) throws Exception {
        Files.createDirectories(root.resolve("other"));
        Files.writeString(root.resolve("other/a.pdf"), "another file of the same name");
        Files.writeString(root.resolve("docs/A.pdf"), "another file on a case-sensitive file system");
        ReferenceCheck check = check(List.of(root), rows(value));
        assertEquals(Map.of(), verdicts(check, "docs/a.pdf"));
    }

    /** MariaDB's usual collation matches "docs/A.pdf" for "docs/a.pdf": a candidate, which Java compares exactly. */
    @Test
    void aCaseInsensitiveMatchOfTheDatabaseIsNotAReference() throws Exception {
        Files.writeString(root.resolve("docs/A.pdf"), "another file on a case-sensitive file system");
        H2Model database = database("create table document (file_path varchar_ignorecase(200))",
                "insert into document values ('docs/A.pdf')");
        assertEquals(Map.of(), verdicts(check(List.of(root), database), "docs/a.pdf"));
    }

    @Test
    void aRootReachedThroughASymbolicLinkMatchesRowsThatStoreTheRealPathAndTheReverse() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve("current"), root);
        ReferenceCheck viaLink = check(List.of(link), rows(root.resolve("docs/a.pdf").toString()));
        assertEquals(Map.of("docs/a.pdf", ReferenceCheck.STILL_REFERENCED), verdicts(viaLink, "docs/a.pdf"));
        ReferenceCheck viaRealPath = check(List.of(root), rows(link.resolve("docs/a.pdf").toString()));
        assertEquals(Map.of("docs/a.pdf", ReferenceCheck.STILL_REFERENCED), verdicts(viaRealPath, "docs/a.pdf"));
    }

    /** Relative values resolve against the first root only, so "a.pdf" is not the inner root's file. */
    @Test
    void withNestedRootsARelativeValueNamesOnlyTheFirstRootsFile() throws Exception {
        Path inner = Files.createDirectories(root.resolve("inner"));
        Files.writeString(inner.resolve("a.pdf"), "inner");
        ReferenceCheck check = check(List.of(root, inner), rows("a.pdf"));
        assertEquals(Map.of(), verdicts(check, "inner/a.pdf"));
        ReferenceCheck held = check(List.of(root, inner), rows("inner/a.pdf"));
        assertEquals(Map.of("inner/a.pdf", ReferenceCheck.STILL_REFERENCED), verdicts(held, "inner/a.pdf"));
    }

    @Test
    void everyFactoryIsAsked() throws Exception {
        ReferenceCheck check = check(List.of(root), rows(), rows("docs/a.pdf"));
        assertEquals(Map.of("docs/a.pdf", ReferenceCheck.STILL_REFERENCED), verdicts(check, "docs/a.pdf"));
    }

    /** A column that cannot be read may name any file, whichever column released it: every file is kept. */
    @Test
    void aColumnThatCannotBeCheckedKeepsEveryFile() throws Exception {
        Files.writeString(root.resolve("docs/b.pdf"), "b");
        H2Model database = database("create table document (file_path varchar(200))");
        FileColumn broken = new FileColumn("no_such_table", "path", false, String.class, null);
        ReferenceCheck check = new ReferenceCheck(new StorageRoots(List.of(root)), 1);
        check.register("factory", new FactoryReferences("h2", database,
                List.of(new ColumnQuery(DOCUMENT, counters), new ColumnQuery(broken, counters))));

        Map<Target, String> keep = check.keep(List.of(target("docs/a.pdf", "no_such_table.path"),
                target("docs/b.pdf", "document.file_path")));

        assertEquals(Map.of("docs/a.pdf", "column no_such_table.path cannot be checked",
                "docs/b.pdf", "column no_such_table.path cannot be checked"), byValue(keep));
    }

    @Test
    void aFactoryThatStaysUnreadableKeepsEverythingAfterTheLastAttempt() throws Exception {
        H2Model database = database("create table document (file_path varchar(200))");
        database.failuresLeft.set(ReferenceCheck.ATTEMPTS);
        ReferenceCheck check = check(List.of(root), database);
        String reason = verdicts(check, "docs/a.pdf").get("docs/a.pdf");
        assertTrue(reason.startsWith("references could not be checked: SessionFactory 'h2'"), reason);
        assertEquals(0, database.opened.get());
    }

    @Test
    void aFactoryThatComesBackBeforeTheLastAttemptIsRead() throws Exception {
        H2Model database = database("create table document (file_path varchar(200))");
        database.failuresLeft.set(ReferenceCheck.ATTEMPTS - 1);
        assertEquals(Map.of(), verdicts(check(List.of(root), database), "docs/a.pdf"));
        assertEquals(1, database.opened.get());
    }

    @Test
    void anErrorThatRetryingWillNotFixIsNotRetried() throws Exception {
        H2Model database = database("create table document (file_path varchar(200))");
        database.failure = new SQLFeatureNotSupportedException("isolation levels are not supported", "0A000");
        database.failuresLeft.set(ReferenceCheck.ATTEMPTS);
        String reason = verdicts(check(List.of(root), database), "docs/a.pdf").get("docs/a.pdf");
        assertTrue(reason.startsWith("references could not be checked: SessionFactory 'h2'"), reason);
        assertEquals(ReferenceCheck.ATTEMPTS - 1, database.failuresLeft.get());
    }

    /** Under multi-tenancy the releasing tenant's schema is read, not the default one. */
    @Test
    void theReleasingTenantsRowsAreRead() throws Exception {
        H2Model database = database("create table document (file_path varchar(200))",
                "insert into document values ('docs/a.pdf')",
                "create schema tenant_a", "create table tenant_a.document (file_path varchar(200))",
                "create schema tenant_b", "create table tenant_b.document (file_path varchar(200))",
                "insert into tenant_b.document values ('docs/a.pdf')").perTenant();
        ReferenceCheck check = check(List.of(root), database);
        assertEquals(Map.of(), byValue(check.keep(List.of(target("docs/a.pdf", "TENANT_A")))));
        assertEquals(Map.of("docs/a.pdf", ReferenceCheck.STILL_REFERENCED),
                byValue(check.keep(List.of(target("docs/a.pdf", "TENANT_B")))));
    }

    @Test
    void aClosedFactoryIsStillReadWhileItsConnectionsOutliveIt() throws Exception {
        ReferenceCheck check = check(List.of(root), rows("docs/a.pdf"));
        check.closed("factory0");
        assertEquals(Map.of("docs/a.pdf", ReferenceCheck.STILL_REFERENCED), verdicts(check, "docs/a.pdf"));
    }

    @Test
    void aClosedFactoryWhoseConnectionsClosedWithItKeepsEveryFile() throws Exception {
        ReferenceCheck check = check(List.of(root), rows().closingWithTheFactory());
        check.closed("factory0");
        assertEquals(Map.of("docs/a.pdf", "SessionFactory 'h2' is closed and its rows cannot be read"),
                verdicts(check, "docs/a.pdf"));
    }

    @Test
    void withoutAnyFactoryEveryFileIsKept() {
        ReferenceCheck check = new ReferenceCheck(new StorageRoots(List.of(root)), 1);
        assertEquals(Map.of("docs/a.pdf", "no SessionFactory to check references against"),
                verdicts(check, "docs/a.pdf"));
    }

    private H2Model rows(String... values) throws SQLException {
        H2Model database = database("create table document (file_path varchar(200))");
        for (String value : values) {
            database.execute("insert into document values ('" + value + "')");
        }
        return database;
    }

    private H2Model database(String... statements) throws SQLException {
        H2Model database = new H2Model("references" + databases.size(), List.of(), statements);
        databases.add(database);
        return database;
    }

    private ReferenceCheck check(List<Path> roots, H2Model... factories) {
        ReferenceCheck check = new ReferenceCheck(new StorageRoots(roots), 1);
        for (int i = 0; i < factories.length; i++) {
            check.register("factory" + i,
                    new FactoryReferences("h2", factories[i], List.of(new ColumnQuery(DOCUMENT, counters))));
        }
        return check;
    }

    private Map<String, String> verdicts(ReferenceCheck check, String value) {
        return byValue(check.keep(List.of(target(value, "document.file_path"))));
    }

    private static Map<String, String> byValue(Map<Target, String> keep) {
        Map<String, String> byValue = new java.util.HashMap<>();
        keep.forEach((target, reason) -> byValue.put(target.first().value(), reason));
        return byValue;
    }

    /** A target released from {@code columnOrTenant} when it names a column, else by that tenant. */
    private Target target(String value, String columnOrTenant) {
        boolean column = columnOrTenant.contains(".");
        ReleasedFile file = new ReleasedFile(value, "Document", "filePath", ReleasedFile.Cause.REMOVED,
                column ? columnOrTenant : "document.file_path", column ? null : columnOrTenant);
        StorageRoots roots = new StorageRoots(List.of(root));
        Target target = new Target(file, roots.lexical(value), roots.resolve(value).file());
        target.add(file, 0, 0);
        return target;
    }
}
