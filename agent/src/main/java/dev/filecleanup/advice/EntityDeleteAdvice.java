package dev.filecleanup.advice;

import dev.filecleanup.Hooks;
import net.bytebuddy.asm.Advice;
import org.hibernate.action.internal.EntityAction;

/**
 * Woven into {@code EntityDeleteAction.execute()}: after the row's DELETE ran (or a cascade or soft delete
 * stood in for it), hand over the deleted state, which is the database state Hibernate loaded. Covers
 * {@code remove}, cascades and orphan removal ({@code OrphanRemovalAction} extends this action). Only calls
 * whose signature is the same in Hibernate 5.6 to 7.x appear here.
 */
final class EntityDeleteAdvice {

    private EntityDeleteAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void deleted(@Advice.This EntityAction action, @Advice.FieldValue("state") Object[] state) {
        Hooks.entityDeleted(action, action.getPersister(), state);
    }
}
