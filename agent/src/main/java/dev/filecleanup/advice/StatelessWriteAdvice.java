package dev.filecleanup.advice;

import dev.filecleanup.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Woven into {@code StatelessSessionImpl.delete}, {@code update} and {@code upsert(String, Object)}, which every
 * other form of them (and 7.x's {@code deleteMultiple} and the like) calls. Their SQL runs at once, without an
 * entity action, so the row is read before it runs.
 */
final class StatelessWriteAdvice {

    private StatelessWriteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void writing(@Advice.This Object session, @Advice.Origin("#m") String method,
                        @Advice.Argument(0) String entityName, @Advice.Argument(1) Object entity) {
        Hooks.statelessWriting(session, entityName, entity, "delete".equals(method));
    }
}
