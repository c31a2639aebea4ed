package dev.filecleanup.line;

import dev.filecleanup.catalog.FactoryModel;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Hibernate version lines the agent knows. The advice is the same for all of them; what differs is how the
 * mapping model is read. A line has one name everywhere: the constant {@code V6_2} is the package
 * {@code dev.filecleanup.hibernate.v6_2}, its reader {@code V6_2Reader}, and "v6_2" in the log. A line is chosen
 * per class loader by probing for class files only that line has, without loading anything.
 */
public enum HibernateLine {
    /** Hibernate ORM 5.6, javax and jakarta: the legacy Criteria API and 5.6's FetchNotFoundException. */
    V5_6("5.6", "org/hibernate/Criteria.class", "org/hibernate/FetchNotFoundException.class"),
    /** Hibernate ORM 6.2 to 7.4: the mapping model with AttributeMappingsList. */
    V6_2("6.2 to 7.4", "org/hibernate/metamodel/mapping/AttributeMappingsList.class");

    /** The versions every line covers, for the warning an unsupported Hibernate gets. */
    public static final String SUPPORTED = Arrays.stream(values()).map(line -> line.versions)
            .collect(Collectors.joining(", "));

    private final String versions;
    private final String[] probes;

    HibernateLine(String versions, String... probes) {
        this.versions = versions;
        this.probes = probes;
    }

    /** The line that {@code loader} holds, or null when it holds no supported Hibernate. */
    public static HibernateLine of(ClassLoader loader) {
        if (loader == null) {
            return null;
        }
        for (HibernateLine line : values()) {
            if (line.presentIn(loader)) {
                return line;
            }
        }
        return null;
    }

    private boolean presentIn(ClassLoader loader) {
        for (String probe : probes) {
            if (loader.getResource(probe) == null) {
                return false;
            }
        }
        return true;
    }

    /** The line's reader, defined in a child of the application's Hibernate class loader. */
    public FactoryModel.Reader newReader(ClassLoader hibernateLoader) throws ReflectiveOperationException {
        Class<?> type = new LineLoader(hibernateLoader).loadClass(readerClass());
        return (FactoryModel.Reader) type.getDeclaredConstructor().newInstance();
    }

    String readerClass() {
        return LineLoader.HIBERNATE_TYPED + id() + "." + name() + "Reader";
    }

    /** The name the log and the package use, e.g. {@code v6_2}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
