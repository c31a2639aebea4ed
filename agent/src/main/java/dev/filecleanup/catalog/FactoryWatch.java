package dev.filecleanup.catalog;

import dev.filecleanup.capture.ElementSlots;
import dev.filecleanup.capture.FileSlots;
import dev.filecleanup.capture.ReleasingColumn;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the agent watches in one SessionFactory.
 *
 * @param name      a label for the log, e.g. the persistence unit name
 * @param version   the Hibernate version, for the startup line
 * @param slots     the file attributes of each entity persister that has any
 * @param elements  the file values in the elements of each collection persister that has any
 * @param owned     per entity persister, the element slots of its collections that have any
 * @param watched   {@code Entity.attribute} for every watched attribute, for the startup line
 * @param matched   the configured selectors that name something in this factory
 * @param unmatched the configured selectors that name nothing in this factory, each with the reason
 * @param columns   the columns that hold file values, each once, for the reference check
 * @param releasing the columns of watched attributes, each once, for rows that database cascades delete
 */
public record FactoryWatch(String name, String version, Map<Object, FileSlots> slots,
                           Map<Object, ElementSlots> elements, Map<Object, List<ElementSlots>> owned,
                           List<String> watched,
                           Set<String> matched, Map<String, String> unmatched, List<FileColumn> columns,
                           List<ReleasingColumn> releasing) {
}
