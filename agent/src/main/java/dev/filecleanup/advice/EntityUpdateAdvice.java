package dev.filecleanup.advice;

import dev.filecleanup.Hooks;
import net.bytebuddy.asm.Advice;
import org.hibernate.action.internal.EntityAction;

/**
 * Woven into {@code EntityUpdateAction.execute()}: after the UPDATE ran, hand over the previous (database) state
 * and the new state. Before it runs, a lazy file attribute of an enhanced entity, assigned without having been
 * fetched, is read from the row: its old value is in neither state. The fields are read directly because their
 * getters are protected; the fields and {@code getPersister()} are the same in Hibernate 5.6 to 7.x.
 */
final class EntityUpdateAdvice {

    private EntityUpdateAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void updating(@Advice.This EntityAction action,
                         @Advice.FieldValue("previousState") Object[] previousState,
                         @Advice.FieldValue("state") Object[] state) {
        Hooks.entityUpdating(action, action.getPersister(), previousState, state);
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void updated(@Advice.This EntityAction action,
                        @Advice.FieldValue("previousState") Object[] previousState,
                        @Advice.FieldValue("state") Object[] state) {
        Hooks.entityUpdated(action, action.getPersister(), previousState, state);
    }
}
