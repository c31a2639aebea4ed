package dev.filecleanup;

/**
 * The Hibernate version lines the agent knows. The advice is the same for all of them; what differs is how the
 * mapping model is read: one package per line under {@code dev.filecleanup.hibernate}. A line is chosen per
 * class loader by probing for classes, without loading anything.
 */
enum HibernateLine {
    /** Hibernate ORM 5.6, javax and jakarta: has the legacy Criteria API and 5.6's FetchNotFoundException. */
    HIBERNATE_5_6("dev.filecleanup.hibernate.v5.LegacyModelReader",
            "org/hibernate/Criteria.class", "org/hibernate/FetchNotFoundException.class"),
    /** Hibernate ORM 6.2 to 7.x: the mapping model with AttributeMappingsList. */
    HIBERNATE_6_2_TO_7("dev.filecleanup.hibernate.v6.MappingModelReader",
            "org/hibernate/metamodel/mapping/AttributeMappingsList.class");

    static final String SUPPORTED = "5.6, 6.2 to 7.4";

    private final String readerClass;
    private final String[] probes;

    HibernateLine(String readerClass, String... probes) {
        this.readerClass = readerClass;
        this.probes = probes;
    }

    private boolean presentIn(ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        for (String probe : probes) {
            if (loader.getResource(probe) == null) {
                return false;
            }
        }
        return true;
    }

    static HibernateLine of(ClassLoader loader) {
        for (HibernateLine line : values()) {
            if (line.presentIn(loader)) {
                return line;
            }
        }
        return null;
    }

    FactoryModel.Reader newReader(ClassLoader hibernateLoader) throws ReflectiveOperationException {
        Class<?> type = new LineLoader(hibernateLoader).loadClass(readerClass);
        return (FactoryModel.Reader) type.getDeclaredConstructor().newInstance();
    }
}
