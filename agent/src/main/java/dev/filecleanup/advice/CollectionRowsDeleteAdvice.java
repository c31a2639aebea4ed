package dev.filecleanup.advice;

import dev.filecleanup.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Woven into {@code AbstractCollectionPersister.remove(id, session)}, the one place where every line deletes all
 * rows of a collection: for a removed owner, a replaced or cleared collection, and a StatelessSession's writes.
 */
final class CollectionRowsDeleteAdvice {

    private CollectionRowsDeleteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void deleting(@Advice.This Object persister, @Advice.Argument(0) Object key,
                         @Advice.Argument(1) Object session) {
        Hooks.collectionRowsDeleting(persister, key, session);
    }
}
