package dev.filecleanup.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.filecleanup.journal.Journal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class StateCaptureTest {
    private final List<List<ReleasedFile>> handedOver = new ArrayList<>();
    private final SessionTransactions transactions =
            new SessionTransactions(Journal.NONE, committed -> handedOver.add(committed.files()));
    private final StateCapture capture = new StateCapture(transactions);
    private final FakeAction.Session session = new FakeAction.Session(null);
    /** A Document whose state arrays hold title at 0, filePath at 1, version at 2 and scan at 3. */
    private final FileSlots document = new FileSlots("Document", new int[] {1, 3}, new String[] {"filePath", "scan"},
            new String[] {"document.file_path", "document.scan"});

    @Test
    void aDeletedRowReleasesEveryFileValueItHeldAndNothingElse() throws Throwable {
        capture.deleted(new FakeAction(session), document,
                new Object[] {"a title", "docs/a.pdf", 3, Path.of("s.png")});
        transactions.completed(session, true);
        assertEquals(List.of(List.of(
                released("docs/a.pdf", "filePath", ReleasedFile.Cause.REMOVED, null),
                released("s.png", "scan", ReleasedFile.Cause.REMOVED, null))), handedOver);
    }

    @Test
    void anUpdateReleasesOnlyTheValuesThatChanged() throws Throwable {
        capture.updated(new FakeAction(session), document,
                new Object[] {"old title", "docs/a.pdf", 1, Path.of("s.png")},
                new Object[] {"new title", "docs/b.pdf", 2, Path.of("s.png")});
        capture.updated(new FakeAction(session), document,
                new Object[] {"t", "docs/c.pdf", 1, null},
                new Object[] {"t", "  ", 2, Path.of("new.png")});
        transactions.completed(session, true);
        assertEquals(List.of(List.of(
                released("docs/a.pdf", "filePath", ReleasedFile.Cause.REPLACED, null),
                released("docs/c.pdf", "filePath", ReleasedFile.Cause.REPLACED, null))), handedOver);
    }

    /** Rollback cleanup: an insert wrote every file value of its state, an update those the row did not hold. */
    @Test
    void insertsAndUpdatesNoteTheValuesTheyWriteForARollback() throws Throwable {
        List<List<ReleasedFile>> rolledBack = new ArrayList<>();
        SessionTransactions withRollbackCleanup = new SessionTransactions(Journal.NONE,
                committed -> handedOver.add(committed.files()), rolledBack::add);
        StateCapture writes = new StateCapture(withRollbackCleanup);
        writes.written(new FakeAction(session), document, null, new Object[] {"t", "docs/new.pdf", 1, null});
        writes.written(new FakeAction(session), document,
                new Object[] {"t", "docs/a.pdf", 1, Path.of("s.png")},
                new Object[] {"t", "docs/b.pdf", 2, Path.of("s.png")});
        writes.written(new FakeAction(session), document, new Object[] {"t", "docs/c.pdf", 1, null},
                new Object[] {"t", "  ", 2, null});
        withRollbackCleanup.completed(session, false);
        assertEquals(List.of(List.of(
                released("docs/new.pdf", "filePath", ReleasedFile.Cause.WRITTEN, null),
                released("docs/b.pdf", "filePath", ReleasedFile.Cause.WRITTEN, null))), rolledBack);
        assertEquals(List.of(), handedOver);
    }

    @Test
    void withoutAKnownStateNothingIsReleased() throws Throwable {
        capture.deleted(new FakeAction(session), document, null);
        capture.updated(new FakeAction(session), document, null, new Object[] {"t", "docs/b.pdf", 2, null});
        transactions.completed(session, true);
        assertEquals(List.of(), handedOver);
    }

    @Test
    void valuesAreRecordedForTheActionsOwnSessionAndTenant() throws Throwable {
        FakeAction.Session other = new FakeAction.Session("tenant-b");
        capture.deleted(new FakeAction(other), document, new Object[] {"t", "docs/a.pdf", 1, null});
        transactions.completed(session, true);
        assertEquals(List.of(), handedOver);
        transactions.completed(other, true);
        assertEquals(List.of(List.of(released("docs/a.pdf", "filePath", ReleasedFile.Cause.REMOVED, "tenant-b"))),
                handedOver);
    }

    /** A value inside an embeddable is read from the embeddable the state holds at its top-level position. */
    @Test
    void valuesInsideEmbeddablesAreComparedByTheirOwnValue() throws Throwable {
        record Cover(String path, String caption) {
        }
        UnaryOperator<Object> path = cover -> cover instanceof Cover c ? c.path() : null;
        @SuppressWarnings("unchecked")
        FileSlots report = new FileSlots("Report", new int[] {0}, new String[] {"cover.path"},
                new String[] {"report.cover_path"}, new UnaryOperator[] {path});
        capture.updated(new FakeAction(session), report, new Object[] {new Cover("a.pdf", "x")},
                new Object[] {new Cover("a.pdf", "y")});
        capture.updated(new FakeAction(session), report, new Object[] {new Cover("b.pdf", "x")},
                new Object[] {new Cover("c.pdf", "x")});
        capture.updated(new FakeAction(session), report, new Object[] {new Cover("d.pdf", "x")}, new Object[] {null});
        capture.deleted(new FakeAction(session), report, new Object[] {new Cover("e.pdf", null)});
        transactions.completed(session, true);
        assertEquals(List.of("b.pdf", "d.pdf", "e.pdf"),
                handedOver.get(0).stream().map(ReleasedFile::value).toList());
        assertEquals(List.of("cover.path replaced", "cover.path replaced", "cover.path removed"),
                handedOver.get(0).stream().map(file -> file.attribute() + " " + file.cause()).toList());
    }

    /** 6.2+ deletes a removed uninitialized proxy without loading it: its row is read by the action's id. */
    @Test
    void anEntityDeletedWithoutBeingLoadedReleasesWhatItsRowHolds() throws Throwable {
        Object persister = new Object();
        List<Object> asked = new ArrayList<>();
        capture.deletingUnloaded(new FakeAction(session), persister, document, rows((p, id, s) -> {
            asked.add(List.of(p, id, s));
            return new Object[] {"t", "docs/row.pdf", 1, null};
        }));
        capture.deletingUnloaded(new FakeAction(session), persister, document, rows((p, id, s) -> null));
        transactions.completed(session, true);
        assertEquals(List.of(List.of(persister, 1L, session)), asked.subList(0, 1));
        assertEquals(List.of(List.of(released("docs/row.pdf", "filePath", ReleasedFile.Cause.REMOVED, null))),
                handedOver);
    }

    /**
     * A lazy attribute of an enhanced entity that was never fetched holds Hibernate's mark in the previous state:
     * the row is read only when the update assigns it, and only what the update assigns is released before it.
     */
    @Test
    void aLazyAttributeAssignedWithoutBeingFetchedIsReadFromTheRow() throws Throwable {
        List<Object> asked = new ArrayList<>();
        EntityStates states = rows((p, id, s) -> {
            asked.add(id);
            return new Object[] {"t", "docs/row.pdf", 1, Path.of("row.png")};
        });
        Object[] previous = {"t", FakeStates.UNFETCHED, 1, Path.of("s.png")};
        capture.updating(new FakeAction(session), null, document, previous, new Object[] {"u", FakeStates.UNFETCHED, 2,
                Path.of("s.png")}, states);
        assertEquals(List.of(), asked, "an update that leaves the lazy attribute alone reads nothing");
        capture.updating(new FakeAction(session), null, document, previous,
                new Object[] {"t", "docs/new.pdf", 2, Path.of("new.png")}, states);
        capture.updating(new FakeAction(session), null, document, previous,
                new Object[] {"t", "docs/row.pdf", 2, Path.of("s.png")}, states);
        transactions.completed(session, true);
        assertEquals(List.of(1L, 1L), asked);
        assertEquals(List.of(List.of(released("docs/row.pdf", "filePath", ReleasedFile.Cause.REPLACED, null))),
                handedOver);
    }

    /**
     * A StatelessSession's statements carry no state: the row is read by the entity's id, and an update
     * releases what the row holds and the entity no longer does.
     */
    @Test
    void aStatelessStatementReleasesWhatTheRowHeldThatTheEntityDoesNot() throws Throwable {
        Object persister = new Object();
        Map<Object, Object[]> table = Map.of(
                1L, new Object[] {"t", "docs/deleted.pdf", 1, null},
                2L, new Object[] {"t", "docs/old.pdf", 1, Path.of("kept.png")});
        EntityStates states = new FakeStates() {
            @Override
            public Object persister(Object session, String entityName, Object entity) {
                return persister;
            }

            @Override
            public Object id(Object p, Object entity, Object s) {
                return ((Object[]) entity)[0];
            }

            @Override
            public Object[] values(Object p, Object entity) {
                return (Object[]) ((Object[]) entity)[1];
            }

            @Override
            public Object[] row(Object p, Object id, Object s) {
                return table.get(id);
            }
        };
        // The deleted entity is a bare instance that holds nothing but its id.
        capture.statelessWriting(session, persister, new Object[] {1L, new Object[4]}, true, false, document,
                states);
        capture.statelessWriting(session, persister, new Object[] {2L, new Object[] {"t", "docs/new.pdf", 1,
                Path.of("kept.png")}}, false, false, document, states);
        capture.statelessWriting(session, persister, new Object[] {3L, new Object[4]}, true, false, document,
                states);
        transactions.completed(session, true);
        assertEquals(List.of(List.of(released("docs/deleted.pdf", "filePath", ReleasedFile.Cause.REMOVED, null),
                released("docs/old.pdf", "filePath", ReleasedFile.Cause.REPLACED, null))), handedOver);

        // With rollback cleanup, an update or upsert also notes what it assigns that the row did not hold.
        List<List<ReleasedFile>> rolledBack = new ArrayList<>();
        SessionTransactions withRollbackCleanup = new SessionTransactions(Journal.NONE, committed -> { },
                rolledBack::add);
        StateCapture noting = new StateCapture(withRollbackCleanup);
        noting.statelessWriting(session, persister, new Object[] {2L, new Object[] {"t", "docs/new.pdf", 1,
                Path.of("kept.png")}}, false, true, document, states);
        noting.statelessWriting(session, persister, new Object[] {9L, new Object[] {"t", "docs/upserted.pdf", 1,
                null}}, false, true, document, states);
        withRollbackCleanup.completed(session, false);
        assertEquals(List.of(List.of(released("docs/new.pdf", "filePath", ReleasedFile.Cause.WRITTEN, null),
                released("docs/upserted.pdf", "filePath", ReleasedFile.Cause.WRITTEN, null))), rolledBack);
    }

    /** Only a row reader: the unloaded delete asks nothing else. */
    private static EntityStates rows(Row row) {
        return new FakeStates() {
            @Override
            public Object[] row(Object persister, Object id, Object session) {
                return row.read(persister, id, session);
            }
        };
    }

    private interface Row {
        Object[] read(Object persister, Object id, Object session);
    }

    private static ReleasedFile released(String value, String attribute, ReleasedFile.Cause cause, String tenant) {
        return new ReleasedFile(value, "Document", attribute, cause,
                attribute.equals("filePath") ? "document.file_path" : "document.scan", tenant);
    }
}
