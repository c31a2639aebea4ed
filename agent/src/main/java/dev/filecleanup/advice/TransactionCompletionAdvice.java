package dev.filecleanup.advice;

import dev.filecleanup.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Woven into {@code AbstractSharedSessionContract.afterTransactionCompletion(boolean, boolean)}, which a Session
 * reaches last when a transaction ends, and into StatelessSessionImpl's, which does not call it. {@code successful}
 * is true only for a commit. A second call for the same transaction finds nothing left to hand over.
 */
final class TransactionCompletionAdvice {

    private TransactionCompletionAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void completed(@Advice.This Object session, @Advice.Argument(0) boolean successful) {
        Hooks.transactionCompleted(session, successful);
    }
}
