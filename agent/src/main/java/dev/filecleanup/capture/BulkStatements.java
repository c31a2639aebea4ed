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

    /** Whether {@code subclass} is an entity persister of a strict subclass of {@code persister}'s entity. */
    boolean extendedBy(Object persister, Object subclass);

    /**
     * Selects {@code paths}, attribute paths relative to the target, over the rows the statement is about to
     * touch: one array per row, values as the entity sees them. With {@code treatAs}, a subclass's persister, the
     * paths are those of the subclass; rows of other types give nulls or are left out.
     */
    List<Object[]> select(Object query, Object treatAs, List<String> paths);

    /**
     * Selects the elements (or {@code inside}, a path within embeddable elements; empty for the element) of the
     * collection {@code collection} of {@code owner}'s entity (the target or a subclass), for the owners whose
     * {@code idPath} is one of {@code ids}.
     */
    List<Object> elements(Bulk bulk, Object owner, String collection, String inside, Collection<?> ids);
}
