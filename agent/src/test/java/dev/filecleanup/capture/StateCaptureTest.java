package dev.filecleanup.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateCaptureTest {
    private final List<List<ReleasedFile>> handedOver = new ArrayList<>();
    private final SessionTransactions transactions = new SessionTransactions(handedOver::add);
    private final StateCapture capture = new StateCapture(transactions);
    private final Object session = new Object();
    /** A Document whose state arrays hold title at 0, filePath at 1, version at 2 and scan at 3. */
    private final FileSlots document = new FileSlots("Document", new int[] {1, 3}, new String[] {"filePath", "scan"});

    @Test
    void aDeletedRowReleasesEveryFileValueItHeldAndNothingElse() throws Throwable {
        capture.deleted(new FakeAction(session), document,
                new Object[] {"a title", "docs/a.pdf", 3, Path.of("s.png")});
        transactions.completed(session, true);
        assertEquals(List.of(List.of(
                new ReleasedFile("docs/a.pdf", "Document", "filePath", ReleasedFile.Cause.REMOVED),
                new ReleasedFile("s.png", "Document", "scan", ReleasedFile.Cause.REMOVED))), handedOver);
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
                new ReleasedFile("docs/a.pdf", "Document", "filePath", ReleasedFile.Cause.REPLACED),
                new ReleasedFile("docs/c.pdf", "Document", "filePath", ReleasedFile.Cause.REPLACED))), handedOver);
    }

    @Test
    void withoutAKnownStateNothingIsReleased() throws Throwable {
        capture.deleted(new FakeAction(session), document, null);
        capture.updated(new FakeAction(session), document, null, new Object[] {"t", "docs/b.pdf", 2, null});
        transactions.completed(session, true);
        assertEquals(List.of(), handedOver);
    }

    @Test
    void valuesAreRecordedForTheActionsOwnSession() throws Throwable {
        Object other = new Object();
        capture.deleted(new FakeAction(other), document, new Object[] {"t", "docs/a.pdf", 1, null});
        transactions.completed(session, true);
        assertEquals(List.of(), handedOver);
        transactions.completed(other, true);
        assertEquals(1, handedOver.size());
    }
}
