package dev.filecleanup.advice;

import dev.filecleanup.Hooks;
import net.bytebuddy.asm.Advice;

/** Woven into the constructors of {@code SessionFactoryImpl}: catalogue the new factory's file attributes. */
final class SessionFactoryCreatedAdvice {

    private SessionFactoryCreatedAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void created(@Advice.This Object sessionFactory) {
        Hooks.sessionFactoryCreated(sessionFactory);
    }
}
