package dev.filecleanup;

import java.util.List;

/**
 * The part of a version line that reads a SessionFactory's metamodel. Implementations compile against one
 * Hibernate line and are defined inside the application's Hibernate class loader by {@link LineLoader}.
 */
public interface FactoryInspector {

    FactoryWatch inspect(Object sessionFactory, List<Selector> attributes, List<Selector> excludes);
}
