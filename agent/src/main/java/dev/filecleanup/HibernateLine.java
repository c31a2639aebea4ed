package dev.filecleanup;

/**
 * The Hibernate version lines the agent knows. Each line is one package of advice and metamodel code; a line
 * is chosen per class loader by probing for classes only that line has, without loading anything.
 */
enum HibernateLine {
    /** Hibernate ORM 7.x. */
    HIBERNATE_7("dev.filecleanup.hibernate7", "org/hibernate/event/service/spi/EventListenerGroups.class");

    private final String linePackage;
    private final String probe;

    HibernateLine(String linePackage, String probe) {
        this.linePackage = linePackage;
        this.probe = probe;
    }

    boolean presentIn(ClassLoader loader) {
        return loader != null && loader.getResource(probe) != null;
    }

    static HibernateLine of(ClassLoader loader) {
        for (HibernateLine line : values()) {
            if (line.presentIn(loader)) {
                return line;
            }
        }
        return null;
    }

    String className(String simpleName) {
        return linePackage + "." + simpleName;
    }

    FactoryInspector newInspector(ClassLoader hibernateLoader) throws ReflectiveOperationException {
        Class<?> type = new LineLoader(hibernateLoader, linePackage).loadClass(className("MetamodelInspector"));
        return (FactoryInspector) type.getDeclaredConstructor().newInstance();
    }
}
