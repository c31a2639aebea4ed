package dev.filecleanup.advice;

import dev.filecleanup.Hooks;
import net.bytebuddy.asm.Advice;
import org.hibernate.action.internal.AbstractEntityInsertAction;

/**
 * Woven into {@code EntityInsertAction.execute()} and {@code EntityIdentityInsertAction.execute()}, and only with
 * {@code filecleanup.rollbackCleanup}: before the INSERT runs, hand over the inserted state, whose file values
 * are checked after the delay if the transaction rolls back (a failing INSERT included). {@code getState()} and
 * {@code getPersister()} are public and the same in Hibernate 5.6 to 7.x.
 */
final class EntityInsertAdvice {

    private EntityInsertAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void inserting(@Advice.This AbstractEntityInsertAction action) {
        Hooks.entityInserting(action, action.getPersister(), action.getState());
    }
}
