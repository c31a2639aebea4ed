package dev.filecleanup.advice;

import dev.filecleanup.Hooks;
import net.bytebuddy.asm.Advice;

/** Woven into {@code SessionFactoryImpl.close()}: finish pending deletions while the factory can still query. */
final class SessionFactoryCloseAdvice {

    private SessionFactoryCloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closing(@Advice.This Object sessionFactory) {
        Hooks.sessionFactoryClosing(sessionFactory);
    }
}
