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
    private final List<List<ReleasedFile>> rolledBack = new ArrayList<>();
    private final SessionTransactions withRollbackCleanup = new SessionTransactions(Journal.NONE,
            committed -> handedOver.add(committed.files()), rolledBack::add);
    private final Object session = new Object();

    @Test
    void rollbackCleanupGetsWhatATransactionThatDidNotCommitWroteAndNothingElse() {
        Object other = new Object();
        withRollbackCleanup.began(session);
        withRollbackCleanup.record(session, released("old.txt"));
        withRollbackCleanup.record(session, written("new.txt"));
        withRollbackCleanup.record(other, written("retry.txt"));
        assertEquals(true, withRollbackCleanup.writtenInProgress("new.txt"::equals));
        assertEquals(true, withRollbackCleanup.writtenInProgress("retry.txt"::equals));
        assertEquals(false, withRollbackCleanup.writtenInProgress("old.txt"::equals));
        withRollbackCleanup.completed(session, false);
        assertEquals(List.of(List.of(written("new.txt"))), rolledBack);
        assertEquals(List.of(), handedOver);
        assertEquals(false, withRollbackCleanup.writtenInProgress("new.txt"::equals));

        // A commit that only wrote hands nothing over, to either side.
        withRollbackCleanup.completed(other, true);
        assertEquals(1, rolledBack.size());
        assertEquals(List.of(), handedOver);

        // A commit hands over what it released, never what it wrote.
        withRollbackCleanup.record(session, released("a.txt"));
        withRollbackCleanup.record(session, written("b.txt"));
        withRollbackCleanup.completed(session, true);
        assertEquals(List.of(List.of(released("a.txt"))), handedOver);
        assertEquals(1, rolledBack.size());
    }

    /** Before HHH-20336 a failed commit runs no completion: the next begin checks what it wrote after the delay. */
    @Test
    void whatATransactionThatNeverCompletedWroteIsCheckedWhenTheSessionBeginsAgain() {
        withRollbackCleanup.began(session);
        withRollbackCleanup.record(session, written("a.txt"));
        withRollbackCleanup.began(session);
        assertEquals(List.of(List.of(written("a.txt"))), rolledBack);
        withRollbackCleanup.completed(session, false);
        assertEquals(1, rolledBack.size());
    }

    @Test
    void withoutRollbackCleanupWrittenValuesGoNowhere() {
        transactions.record(session, written("a.txt"));
        transactions.completed(session, false);
        transactions.record(session, written("b.txt"));
        transactions.completed(session, true);
        assertEquals(List.of(), handedOver);
    }

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

    private static ReleasedFile written(String value) {
        return new ReleasedFile(value, "Document", "filePath", ReleasedFile.Cause.WRITTEN, "document.file_path", null);
    }

    private static ReleasedFile released(String value) {
        return new ReleasedFile(value, "Document", "filePath", ReleasedFile.Cause.REMOVED, "document.file_path", null);
    }
}
