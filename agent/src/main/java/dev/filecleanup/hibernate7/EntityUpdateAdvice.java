package dev.filecleanup.hibernate7;

import dev.filecleanup.Hooks;
import net.bytebuddy.asm.Advice;
import org.hibernate.action.internal.EntityUpdateAction;

/**
 * Woven into {@code EntityUpdateAction.execute()}: after the UPDATE ran, hand over the previous (database) state
 * and the new state. The fields are read directly because their getters are protected.
 */
final class EntityUpdateAdvice {

    private EntityUpdateAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void updated(@Advice.This EntityUpdateAction action,
                        @Advice.FieldValue("previousState") Object[] previousState,
                        @Advice.FieldValue("state") Object[] state) {
        Hooks.entityUpdated(action.getSession(), action.getPersister(), previousState, state);
    }
}
