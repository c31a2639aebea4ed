package dev.filecleanup.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.filecleanup.journal.Journal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BulkCaptureTest {
    private final List<List<ReleasedFile>> handedOver = new ArrayList<>();
    private final SessionTransactions transactions =
            new SessionTransactions(Journal.NONE, committed -> handedOver.add(committed.files()));
    private final BulkCapture capture = new BulkCapture(transactions);
    private final FakeAction.Session session = new FakeAction.Session(null);
    /** A Report with a file attribute at the top level and one inside the embeddable {@code cover}. */
    private final FileSlots report = new FileSlots("Report", new int[] {0, 1}, new String[] {"file", "cover.path"},
            new String[] {"report.file", "report.cover_path"});
    private final List<List<String>> selected = new ArrayList<>();
    private final List<Integer> elementQueries = new ArrayList<>();

    /** Answers each select with two rows, their values named after the paths asked for; ids are 1 and 2. */
    private final BulkStatements statements = new BulkStatements() {
        @Override
        public Bulk describe(Object query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean deletesCollections() {
            return true;
        }

        @Override
        public boolean extendedBy(Object persister, Object subclass) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Object[]> select(Object query, Object treatAs, List<String> paths) {
            List<String> named = treatAs == null ? paths : paths.stream().map(path -> treatAs + ":" + path).toList();
            selected.add(named);
            return IntStream.rangeClosed(1, 2).mapToObj(row -> named.stream()
                    .map(path -> path.equals("id") ? (Object) row : path + "-" + row).toArray()).toList();
        }

        @Override
        public List<Object> elements(Bulk bulk, Object owner, String collection, String inside, Collection<?> ids) {
            elementQueries.add(ids.size());
            return ids.stream().map(id -> (Object) (collection + "-" + id)).toList();
        }
    };

    @Test
    void aDeleteReleasesEveryFileAttributeOfTheRowsItTouchesAndTheirCollections() throws Throwable {
        @SuppressWarnings("unchecked")
        ElementSlots images = new ElementSlots("Report", "images", new String[] {""}, new String[] {"images[]"},
                new String[] {"report_images.images"}, new String[] {"images"}, new UnaryOperator[] {null},
                new UnaryOperator[] {null});
        capture.executing(null, bulk(true, List.of()), List.of(target(null, report, images)), statements);
        transactions.completed(session, true);
        assertEquals(List.of(List.of("file", "cover.path", "id")), selected);
        assertEquals(List.of("file-1", "cover.path-1", "file-2", "cover.path-2", "images-1", "images-2"),
                handedOver.get(0).stream().map(ReleasedFile::value).toList());
        assertEquals(List.of(2), elementQueries);
    }

    @Test
    void anUpdateReleasesOnlyWhatItAssignsAWholeEmbeddableIncluded() throws Throwable {
        capture.executing(null, bulk(false, List.of("title", "cover")), List.of(target(null, report)), statements);
        transactions.completed(session, true);
        assertEquals(List.of(List.of("cover.path")), selected);
        assertEquals(List.of("cover.path-1", "cover.path-2"),
                handedOver.get(0).stream().map(ReleasedFile::value).toList());
        assertEquals(ReleasedFile.Cause.REPLACED, handedOver.get(0).get(0).cause());
    }

    @Test
    void anUpdateThatAssignsNoFileAttributeSelectsNothing() throws Throwable {
        capture.executing(null, bulk(false, List.of("title", "coverage")), List.of(target(null, report)), statements);
        assertEquals(List.of(), selected);
    }

    @Test
    void aSubclassReadsOnlyWhatItsSuperclassesDoNot() throws Throwable {
        FileSlots annual = new FileSlots("AnnualReport", new int[] {0, 1, 2},
                new String[] {"file", "cover.path", "appendix"},
                new String[] {"report.file", "report.cover_path", "report.appendix"});
        capture.executing(null, bulk(true, List.of()), List.of(target(null, report),
                new BulkCapture.Target("AnnualReport", annual, Set.of("file", "cover.path"), List.of())), statements);
        transactions.completed(session, true);
        assertEquals(List.of(List.of("file", "cover.path"), List.of("AnnualReport:appendix")), selected);
        assertEquals(List.of("file-1", "cover.path-1", "file-2", "cover.path-2", "AnnualReport:appendix-1",
                "AnnualReport:appendix-2"), handedOver.get(0).stream().map(ReleasedFile::value).toList());
        assertEquals("AnnualReport", handedOver.get(0).get(4).entity());
    }

    private static BulkCapture.Target target(Object treatAs, FileSlots slots, ElementSlots... collections) {
        return new BulkCapture.Target(treatAs, slots, Set.of(), List.of(collections));
    }

    private BulkStatements.Bulk bulk(boolean deletes, List<String> assigned) {
        return new BulkStatements.Bulk(new Object(), deletes, assigned, session, "id");
    }
}
