package dev.filecleanup.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filecleanup.catalog.FileColumn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The query that finds a column's candidate values, on a real database (H2). */
class ColumnQueryTest {
    private final Counters counters = new Counters();
    private H2Model database;
    private Connection connection;

    @BeforeEach
    void rows() throws SQLException {
        database = new H2Model("columns", List.of(),
                "create table document (id int, file_path varchar(200), scan clob, secret varchar(400),"
                        + " sealed varbinary(400))");
        connection = database.openConnection(null);
    }

    @AfterEach
    void drop() throws SQLException {
        connection.close();
        database.close();
    }

    /**
     * The query by suffix (the SQL that PostgreSQL and MariaDB run) and the full read filtered in Java (what H2
     * runs) are twins: each finds every spelling of the file and nothing else, in one statement.
     */
    @Test
    void theQueryByNameFindsEverySpellingOfTheFileAndNothingElse() throws SQLException {
        List<String> spellings = List.of("docs/a.pdf", "./docs/a.pdf", "docs//a.pdf", "docs/../docs/a.pdf",
                "docs/a.pdf/", "docs/a.pdf//", "/srv/elsewhere/docs/a.pdf", "a.pdf", "docs/A.PDF/.", "x/y/..",
                "file:/srv/docs/a.pdf", "file:/srv/docs/%61.pdf", "docs/100%.pdf", "docs/a.pdf ", "docs/a.pdf\t");
        List<String> others = List.of("docs/b.pdf", "docs/xa.pdf", "docs/a.pdf.bak", "a.pdfx", "docs/a.pdf/x",
                "docs\\a.pdf.x", ".", "..");
        insert("file_path", spellings);
        insert("file_path", others);

        ColumnQuery bySuffix = new ColumnQuery(column("file_path", false, null), counters).bySuffixOnH2();
        ColumnQuery inFull = new ColumnQuery(column("file_path", false, null), counters);

        // "docs/A.PDF/." and "x/y/.." name their file only once normalised, and a URI's escapes (%61 is "a") only
        // once decoded: they are read too, as is any value holding a "%".
        assertEquals(spellings.stream().sorted().toList(),
                candidates(bySuffix, List.of("a.pdf")).stream().sorted().toList());
        assertEquals(spellings.stream().sorted().toList(),
                candidates(inFull, List.of("a.pdf")).stream().sorted().toList());
        assertEquals(2, counters.referenceQueries());
    }

    /**
     * H2 compares each row with each parameter of an {@code in} list in turn: there the column is read in full.
     * What tells the two apart is case: H2's SQL compares it, the filter in Java looks past it (and the caller's
     * comparison of files decides).
     */
    @Test
    void onH2TheColumnIsReadInFull() throws SQLException {
        insert("file_path", List.of("docs/A.pdf", "docs/b.pdf"));
        assertEquals(List.of(), candidates(new ColumnQuery(column("file_path", false, null), counters)
                .bySuffixOnH2(), List.of("a.pdf")));
        assertEquals(List.of("docs/A.pdf"), candidates(new ColumnQuery(column("file_path", false, null), counters),
                List.of("a.pdf")));
    }

    /** More names than one statement by suffix takes: one full read, rather than a scan per statement. */
    @Test
    void moreNamesThanOneStatementTakesAreAskedInOneFullRead() throws SQLException {
        insert("file_path", List.of("docs/n7.pdf", "docs/n1999.pdf", "docs/N1000.PDF"));
        List<String> names = IntStream.range(0, 2 * ColumnQuery.NAMES_PER_STATEMENT + 1)
                .mapToObj(i -> "n" + i + ".pdf").toList();
        ColumnQuery query = new ColumnQuery(column("file_path", false, null), counters).bySuffixOnH2();

        assertEquals(List.of("docs/n7.pdf"), candidates(query, names.subList(0, 10)));
        assertEquals(List.of("docs/n7.pdf", "docs/N1000.PDF"), candidates(query, names));
        assertEquals(2, counters.referenceQueries());
    }

    /** A converter that stores something else than the path: every value is read and converted back. */
    @Test
    void aConverterThatHidesThePathMakesTheColumnReadInFull() throws SQLException {
        insert("secret", List.of(reverse("docs/a.pdf"), reverse("docs/b.pdf")));
        ColumnQuery query = new ColumnQuery(column("secret", false, new Reversing()), counters);

        assertEquals("its converter does not store a path as it is",
                ColumnQuery.fullReadReason(column("secret", false, new Reversing())));
        // Converted back before the filter: the stored text ends with neither name.
        assertEquals(List.of("docs/a.pdf"), candidates(query, List.of("a.pdf")));
        assertEquals(List.of("docs/b.pdf"), candidates(query, List.of("b.pdf")));
    }

    @Test
    void aConverterThatGivesAnotherColumnValueEachTimeMakesTheColumnReadInFull() throws SQLException {
        Salted salted = new Salted();
        insert("secret", List.of((String) salted.toColumn("docs/a.pdf")));
        ColumnQuery query = new ColumnQuery(column("secret", false, salted), counters);

        assertEquals("its converter does not give the same column value twice for the same path",
                ColumnQuery.fullReadReason(column("secret", false, salted)));
        assertEquals(List.of("docs/a.pdf"), candidates(query, List.of("a.pdf")));
    }

    @Test
    void aConverterThatKeepsThePathAsItIsLetsTheQueryByNameWork() {
        FileColumn.Converter paths = new FileColumn.Converter() {
            @Override
            public Object toColumn(Object attributeValue) {
                return attributeValue.toString();
            }

            @Override
            public Object toAttribute(Object columnValue) {
                return Path.of((String) columnValue);
            }
        };
        assertNull(ColumnQuery.fullReadReason(new FileColumn("document", "file_path", false, Path.class, paths)));
    }

    /** A converter that changes the file name itself (URI escapes) would hide rows from the query by name. */
    @Test
    void aConverterThatEscapesTheFileNameMakesTheColumnReadInFull() {
        FileColumn.Converter escaping = new FileColumn.Converter() {
            @Override
            public Object toColumn(Object attributeValue) {
                return attributeValue.toString().replace("%", "%25").replace(" ", "%20");
            }

            @Override
            public Object toAttribute(Object columnValue) {
                return columnValue.toString().replace("%20", " ").replace("%25", "%");
            }
        };
        assertEquals("its converter does not store a path as it is",
                ColumnQuery.fullReadReason(column("secret", false, escaping)));
    }

    /** A stored value that the converter cannot read names no file we can tell: the column cannot be checked. */
    @Test
    void aStoredValueTheConverterCannotReadMakesTheColumnUncheckable() throws SQLException {
        database.execute("insert into document (sealed) values (X'00ff')");
        FileColumn.Converter sealing = new FileColumn.Converter() {
            @Override
            public Object toColumn(Object attributeValue) {
                return attributeValue.toString().getBytes();
            }

            @Override
            public Object toAttribute(Object columnValue) {
                throw new IllegalArgumentException("the key has changed");
            }
        };
        ColumnQuery query = new ColumnQuery(column("sealed", false, sealing), counters);
        assertEquals(List.of(), candidates(query, List.of("a.pdf")));
        assertFalse(query.checkable());
    }

    /** A URI column's values escape file names (a%20b.pdf), whatever its converter does. */
    @Test
    void uriColumnsAreReadInFull() throws SQLException {
        insert("file_path", List.of("file:/srv/docs/a%20b.pdf", "file:/srv/docs/c.pdf"));
        FileColumn uris = new FileColumn("document", "file_path", false, java.net.URI.class, null);
        assertEquals("it holds URIs, whose escapes change file names", ColumnQuery.fullReadReason(uris));
        ColumnQuery query = new ColumnQuery(uris, counters).bySuffixOnH2();
        // Any value with an escape may name the file.
        assertEquals(List.of("file:/srv/docs/a%20b.pdf"), candidates(query, List.of("x")));
        assertEquals(List.of("file:/srv/docs/a%20b.pdf", "file:/srv/docs/c.pdf"), candidates(query,
                List.of("c.pdf")));
    }

    @Test
    void largeObjectsAreReadInFull() throws SQLException {
        insert("scan", List.of("docs/a.pdf", "docs/b.pdf"));
        assertEquals("it is a large object", ColumnQuery.fullReadReason(column("scan", true, null)));
        ColumnQuery query = new ColumnQuery(column("scan", true, null), counters).bySuffixOnH2();
        assertEquals(List.of("docs/a.pdf"), candidates(query, List.of("a.pdf")));
    }

    /** SQL that the database rejects for good is not retried: the column falls back, then gives up alone. */
    @Test
    void aColumnThatCannotBeQueriedFallsBackThenIsMarkedUncheckable() throws SQLException {
        ColumnQuery query = new ColumnQuery(new FileColumn("no_such_table", "file_path", false, String.class, null),
                counters).bySuffixOnH2();
        assertTrue(query.checkable());
        assertEquals(List.of(), candidates(query, List.of("a.pdf")));
        assertFalse(query.checkable());
        assertEquals(2, counters.referenceQueries(), "the query by name, then the full read, once each");
        candidates(query, List.of("a.pdf"));
        assertEquals(2, counters.referenceQueries(), "an uncheckable column is not asked again");
    }

    /** Where the full read stands in for the query by suffix, there is nothing simpler to fall back to. */
    @Test
    void aFullReadThatFailsForGoodMakesTheColumnUncheckableAtOnce() throws SQLException {
        ColumnQuery query = new ColumnQuery(new FileColumn("no_such_table", "file_path", false, String.class, null),
                counters);
        assertEquals(List.of(), candidates(query, List.of("a.pdf")));
        assertFalse(query.checkable());
        assertEquals(1, counters.referenceQueries());
    }

    @Test
    void errorsThatRetryingMayFixReachTheCaller() throws SQLException {
        ColumnQuery query = new ColumnQuery(column("file_path", false, null), counters);
        connection.close();
        assertThrows(SQLException.class, () -> candidates(query, List.of("a.pdf")));
        assertTrue(query.checkable());
    }

    private List<String> candidates(ColumnQuery query, List<String> names) throws SQLException {
        List<String> found = new ArrayList<>();
        query.candidates(connection, names, found::add);
        return found;
    }

    private void insert(String column, List<String> values) throws SQLException {
        for (String value : values) {
            database.execute("insert into document (" + column + ") values ('" + value.replace("'", "''") + "')");
        }
    }

    private static FileColumn column(String name, boolean lob, FileColumn.Converter converter) {
        return new FileColumn("document", name, lob, String.class, converter);
    }

    private static String reverse(String text) {
        return new StringBuilder(text).reverse().toString();
    }

    /** Stores a path reversed. */
    private static final class Reversing implements FileColumn.Converter {
        @Override
        public Object toColumn(Object attributeValue) {
            return reverse((String) attributeValue);
        }

        @Override
        public Object toAttribute(Object columnValue) {
            return reverse((String) columnValue);
        }
    }

    /** Stores a path behind a random salt, as encryption does. */
    private static final class Salted implements FileColumn.Converter {
        @Override
        public Object toColumn(Object attributeValue) {
            return UUID.randomUUID() + ":" + Base64.getEncoder().encodeToString(((String) attributeValue).getBytes());
        }

        @Override
        public Object toAttribute(Object columnValue) {
            String text = (String) columnValue;
            return new String(Base64.getDecoder().decode(text.substring(text.indexOf(':') + 1)));
        }
    }
}
