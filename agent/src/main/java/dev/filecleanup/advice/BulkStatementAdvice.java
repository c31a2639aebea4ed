package dev.filecleanup.advice;

import dev.filecleanup.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Woven into {@code doExecuteUpdate()} of HQL, JPQL and Criteria queries: {@code QuerySqmImpl} (6.2 to 7.0),
 * {@code SqmQueryImpl} (7.1 on) and {@code AbstractProducedQuery} (5.6, where only native queries override it).
 * It runs once per {@code executeUpdate()}, in a transaction, before the statement: the rows it will touch are
 * read first.
 */
final class BulkStatementAdvice {

    private BulkStatementAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void executing(@Advice.This Object query) {
        Hooks.bulkExecuting(query);
    }
}
