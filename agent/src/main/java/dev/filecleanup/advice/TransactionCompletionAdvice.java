package dev.filecleanup.advice;

import dev.filecleanup.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Woven into {@code AbstractSharedSessionContract.afterTransactionCompletion(boolean, boolean)}, which both
 * Session and StatelessSession reach last when a transaction ends. {@code successful} is true only for a commit.
 */
final class TransactionCompletionAdvice {

    private TransactionCompletionAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void completed(@Advice.This Object session, @Advice.Argument(0) boolean successful) {
        Hooks.transactionCompleted(session, successful);
    }
}
