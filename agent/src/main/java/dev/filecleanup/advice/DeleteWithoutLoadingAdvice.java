package dev.filecleanup.advice;

import dev.filecleanup.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Woven into {@code DefaultDeleteEventListener.canBeDeletedWithoutLoading}: since 6.2 Hibernate deletes an
 * uninitialized proxy without loading it, so the delete action carries no state and the old file values would
 * be unknown. For entities with file attributes we answer "no", and Hibernate loads the row first.
 */
final class DeleteWithoutLoadingAdvice {

    private DeleteWithoutLoadingAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void mustLoad(@Advice.Argument(1) Object persister,
                         @Advice.Return(readOnly = false) boolean withoutLoading) {
        if (withoutLoading && Hooks.hasFileAttributes(persister)) {
            withoutLoading = false;
        }
    }
}
