package dev.filecleanup.advice;

import dev.filecleanup.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Woven into {@code CollectionRemoveAction.execute()} and {@code CollectionUpdateAction.execute()}. Their DELETEs
 * may still wait in a JDBC batch when they return, so the old elements are read on entry.
 */
final class CollectionActionAdvice {

    private CollectionActionAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void acting(@Advice.This Object action, @Advice.Origin("#t") String type) {
        Hooks.collectionActing(action, type.endsWith("RemoveAction"));
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void done() {
        Hooks.collectionActionDone();
    }
}
