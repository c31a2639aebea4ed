package dev.filecleanup.advice;

import dev.filecleanup.Hooks;
import net.bytebuddy.asm.Advice;
import org.hibernate.action.internal.EntityAction;

/**
 * Woven into {@code EntityDeleteAction.execute()}. Before the row's DELETE runs, the rows that database cascades
 * will delete with it are read. After it ran (or a cascade or soft delete stood in for it), hand over the deleted
 * state, which is the database state Hibernate loaded. Covers {@code remove}, cascades and orphan removal
 * ({@code OrphanRemovalAction} extends this action). Since 6.2 a removed uninitialized proxy is deleted without
 * being loaded and the action carries no state, and an enhanced entity's lazy attribute may never have been
 * fetched: then its row is read before the DELETE runs. Only calls whose signature is the same in Hibernate 5.6
 * to 7.x appear here.
 */
final class EntityDeleteAdvice {

    private EntityDeleteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void deleting(@Advice.This EntityAction action, @Advice.FieldValue("state") Object[] state) {
        Hooks.entityDeleting(action, action.getPersister(), state);
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void deleted(@Advice.This EntityAction action, @Advice.FieldValue("state") Object[] state) {
        Hooks.entityDeleted(action, action.getPersister(), state);
    }
}
