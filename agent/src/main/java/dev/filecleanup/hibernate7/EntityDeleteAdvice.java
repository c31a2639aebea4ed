package dev.filecleanup.hibernate7;

import dev.filecleanup.Hooks;
import net.bytebuddy.asm.Advice;
import org.hibernate.action.internal.EntityDeleteAction;

/**
 * Woven into {@code EntityDeleteAction.execute()}: after the row's DELETE ran (or a cascade or soft delete
 * stood in for it), hand over the deleted state, which is the database state Hibernate loaded. Covers
 * {@code remove}, cascades and orphan removal ({@code OrphanRemovalAction} extends this action).
 */
final class EntityDeleteAdvice {

    private EntityDeleteAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void deleted(@Advice.This EntityDeleteAction action) {
        Hooks.entityDeleted(action.getSession(), action.getPersister(), action.getState());
    }
}
