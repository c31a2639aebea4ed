package dev.filecleanup.advice;

import dev.filecleanup.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Woven into {@code beforeTransactionCompletion()} of {@code AbstractSharedSessionContract}, which SessionImpl's
 * calls last, after its final flush, and of StatelessSessionImpl, which does not call it. It runs just before
 * the commit (resource-local or JTA); a flush that throws skips it, and the transaction then rolls back.
 */
final class TransactionCommittingAdvice {

    private TransactionCommittingAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void committing(@Advice.This Object session) {
        Hooks.transactionCommitting(session);
    }
}
