package dev.filecleanup;

import java.util.Collection;
import java.util.Set;

/**
 * Reads committed data of one SessionFactory: which of the given values does any of its file columns still
 * hold? Implemented per Hibernate version line; must read raw columns so that rows hidden by restrictions or
 * soft deletes still protect their files.
 */
public interface ReferenceLookup {

    /** Values per statement; the README states the resulting bound on queries. */
    int BATCH_SIZE = 500;

    Set<String> stillReferenced(Collection<String> values) throws Exception;

    /** Statements run so far, for the summary line and the batching test. */
    long statementsRun();
}
