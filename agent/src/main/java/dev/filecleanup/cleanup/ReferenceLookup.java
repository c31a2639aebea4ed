package dev.filecleanup.cleanup;

import java.util.Collection;
import java.util.Set;

/**
 * Reads committed data of one SessionFactory: which of the given values does any of its file columns still
 * hold? It must read raw columns, so that rows hidden by restrictions or soft deletes still protect their files.
 */
interface ReferenceLookup {

    Set<String> stillReferenced(Collection<String> values) throws Exception;
}
