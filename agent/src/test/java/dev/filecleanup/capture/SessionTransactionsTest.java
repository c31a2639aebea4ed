package dev.filecleanup.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.filecleanup.journal.Journal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTransactionsTest {
    private final List<List<ReleasedFile>> handedOver = new ArrayList<>();
    private final SessionTransactions transactions =
            new SessionTransactions(Journal.NONE, committed -> handedOver.add(committed.files()));
    private final Object session = new Object();

    @Test
    void aCommitHandsTheTransactionsValuesOverOnceEach() {
        transactions.began(session);
        transactions.record(session, released("a.txt"));
        transactions.record(session, released("b.txt"));
        transactions.record(session, released("a.txt"));
        transactions.completed(session, true);
        transactions.completed(session, true);
        assertEquals(List.of(List.of(released("a.txt"), released("b.txt"))), handedOver);
        assertEquals(0, transactions.pendingSessions());
    }

    @Test
    void aRollbackHandsNothingOverNowOrLater() {
        transactions.began(session);
        transactions.record(session, released("a.txt"));
        transactions.completed(session, false);
        transactions.completed(session, true);
        assertEquals(List.of(), handedOver);
    }

    /** A failed commit before HHH-20336 runs no completion at all; the next begin must forget its files. */
    @Test
    void aTransactionThatNeverCompletedLeavesNothingForTheNextOne() {
        transactions.began(session);
        transactions.record(session, released("a.txt"));
        transactions.began(session);
        transactions.record(session, released("b.txt"));
        transactions.completed(session, true);
        assertEquals(List.of(List.of(released("b.txt"))), handedOver);
    }

    @Test
    void sessionsAreIndependent() {
        Object other = new Object();
        transactions.record(session, released("a.txt"));
        transactions.record(other, released("b.txt"));
        transactions.completed(other, true);
        assertEquals(List.of(List.of(released("b.txt"))), handedOver);
        assertEquals(1, transactions.pendingSessions());
    }

    private static ReleasedFile released(String value) {
        return new ReleasedFile(value, "Document", "filePath", ReleasedFile.Cause.REMOVED, "document.file_path", null);
    }
}
