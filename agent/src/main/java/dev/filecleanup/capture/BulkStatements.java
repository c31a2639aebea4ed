package dev.filecleanup.capture;

import java.util.Collection;
import java.util.List;

/**
 * What a line knows of an HQL, JPQL or Criteria {@code delete} or {@code update} about to run: its target and
 * how to select, in the same session and with the same restriction and parameters, the rows it will touch.
 */
public interface BulkStatements {

    /**
     * A bulk statement.
     *
     * @param persister the target entity's persister
     * @param deletes   whether it deletes; else it updates
     * @param assigned  the attribute paths an update assigns ({@code attachment} when a whole embeddable is)
     * @param session   the session it runs in
     * @param idPath    the target's identifier attribute, for reading its element collections by owner
     */
    record Bulk(Object persister, boolean deletes, List<String> assigned, Object session, String idPath) {
    }

    /** The statement {@code query} is about to run, or null when it is no bulk delete or update of an entity. */
    Bulk describe(Object query);

    /** Whether a bulk delete also deletes the rows of its targets' element collections (not on 5.6). */
    boolean deletesCollections();

    /**
     * Selects {@code paths}, attribute paths relative to the target, over the rows the statement is about to
     * touch: one array per row, values as the entity sees them.
     */
    List<Object[]> select(Object query, List<String> paths);

    /**
     * Selects the elements (or {@code inside}, a path within embeddable elements; empty for the element) of the
     * collection {@code collection} of the target rows whose {@code idPath} is one of {@code ids}.
     */
    List<Object> elements(Object query, Bulk bulk, String collection, String inside, Collection<?> ids);
}
