package dev.filecleanup.advice;

import dev.filecleanup.Hooks;
import net.bytebuddy.asm.Advice;

/** Woven into {@code AbstractSharedSessionContract.startTransactionBoundary()}: a transaction begins or is joined. */
final class TransactionBeginAdvice {

    private TransactionBeginAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void began(@Advice.This Object session) {
        Hooks.transactionBegan(session);
    }
}
