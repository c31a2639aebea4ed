package dev.filecleanup.catalog;

import dev.filecleanup.capture.BulkStatements;
import dev.filecleanup.capture.CollectionStates;
import dev.filecleanup.capture.EntityStates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.filecleanup.config.AgentConfig;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeCatalogTest {
    /** Stand-ins for mapped classes: a superclass declaring the file column and an entity extending it. */
    static class StoredFile {
    }

    static class Report extends StoredFile {
    }

    static class Person {
    }

    private final Object reportPersister = new Object();
    private final Object personPersister = new Object();

    @Test
    void pathAttributesAreWatchedWithoutSelectorsAndStringsOnlyWithOne() {
        FactoryWatch watch = build(List.of(), List.of(),
                attribute(reportPersister, Report.class, "storagePath", 0, String.class),
                attribute(reportPersister, Report.class, "scan", 1, Path.class),
                attribute(personPersister, Person.class, "name", 0, String.class));
        assertEquals(List.of("Report.scan"), watch.watched());
        assertEquals(List.of("report.scan"), labels(watch));
        assertNull(watch.slots().get(personPersister));
    }

    @Test
    void aSelectorNamingASuperclassCoversTheSubclass() {
        FactoryWatch watch = build(List.of("StoredFile.storagePath"), List.of(),
                attribute(reportPersister, Report.class, "storagePath", 3, String.class));
        assertEquals(List.of("Report.storagePath"), watch.watched());
        assertNotNull(watch.slots().get(reportPersister));
        assertEquals(Map.of(), watch.unmatched());
    }

    /** Exclusion means "never delete because of this attribute": its column still names files that stay. */
    @Test
    void excludedAttributesAreNotWatchedButTheirColumnsAreStillReferenceColumns() {
        FactoryWatch watch = build(List.of("*.*"), List.of("Report.*"),
                attribute(reportPersister, Report.class, "scan", 1, Path.class),
                attribute(personPersister, Person.class, "avatar", 0, String.class));
        assertEquals(List.of("Person.avatar"), watch.watched());
        assertEquals(List.of("report.scan", "person.avatar"), labels(watch));
    }

    /**
     * Values inside embeddables are watched like top-level ones, by the path a selector names; collection
     * elements (not in the entity's state) are reference columns only.
     */
    @Test
    void nestedValuesAreReferenceColumnsWhenSelectedOrPathTyped() {
        FactoryWatch watch = build(List.of("Report.cover.path", "Report.gallery"), List.of(),
                attribute(reportPersister, Report.class, "cover.path", 2, String.class),
                attribute(reportPersister, Report.class, "cover.scan.original", 2, Path.class),
                attribute(reportPersister, Report.class, "cover.caption", 2, String.class),
                attribute(reportPersister, Report.class, "gallery", -1, String.class),
                attribute(reportPersister, Report.class, "figures.scan", -1, Path.class),
                attribute(reportPersister, Report.class, "figures.caption", -1, String.class));
        assertEquals(List.of("report.cover.path", "report.cover.scan.original", "report.gallery",
                "report.figures.scan"), labels(watch));
        assertEquals(List.of("Report.cover.path", "Report.cover.scan.original"), watch.watched());
        assertEquals(Map.of(), watch.unmatched());
    }

    /** Selectors match every shape alike: qualified class names, wildcards and exclusion. */
    @Test
    void qualifiedNamesWildcardsAndExclusionWorkForEveryShape() {
        Object gallery = new Object();
        Object figures = new Object();
        FactoryWatch watch = build(List.of(Report.class.getName() + ".cover.path", "Rep*.gallery", "*.figures.*"),
                List.of("Report.figures.caption"),
                attribute(reportPersister, Report.class, "cover.path", 2, String.class),
                attribute(reportPersister, Report.class, "cover.caption", 2, String.class),
                element("gallery", gallery, "gallery"),
                element("figures", figures, "figures.file"),
                element("figures", figures, "figures.caption"));
        assertEquals(List.of("Report.cover.path", "Report.figures[].file", "Report.gallery[]"), watch.watched());
        assertEquals(Map.of(), watch.unmatched());
    }

    /** A String value of an element collection of Report, in a table of the collection's own. */
    private MappedAttribute element(String collection, Object collectionPersister, String path) {
        return new MappedAttribute(reportPersister, Report.class, Report.class.getName(), path, -1, String.class,
                new FileColumn("report_" + collection, path, false, String.class, null), null,
                new MappedAttribute.Element(collectionPersister, collection));
    }

    @Test
    void eachFileColumnIsCheckedOnceThoughSeveralPersistersMapIt() {
        Object subclassPersister = new Object();
        FactoryWatch watch = build(List.of("StoredFile.storagePath"), List.of(),
                attribute(reportPersister, StoredFile.class, "storagePath", 0, String.class),
                attribute(subclassPersister, StoredFile.class, "storagePath", 0, String.class),
                attribute(personPersister, Person.class, "scan", 0, Path.class));
        assertEquals(List.of("storedfile.storagePath", "person.scan"), labels(watch));
        assertEquals(3, watch.slots().size(), "both StoredFile persisters and Person's have slots");
    }

    @Test
    void selectorsThatWatchNothingAreReportedWithTheReason() {
        FactoryWatch watch = build(List.of("Person.age", "Persn.avatar", "Person.friends", "Person.site"),
                List.of("Nobody.x"),
                attribute(personPersister, Person.class, "age", 0, Integer.class),
                new MappedAttribute(personPersister, Person.class, Person.class.getName(), "friends", -1, null, null),
                attribute(personPersister, Person.class, "site", 2, URL.class));
        assertEquals(List.of(
                "filecleanup.attributes selector 'Person.age' watches nothing: Person.age is a Integer, not a String, "
                        + "Path, File or URI",
                "filecleanup.attributes selector 'Persn.avatar' watches nothing: it matches no entity attribute",
                "filecleanup.attributes selector 'Person.friends' watches nothing: Person.friends is not a single "
                        + "basic column",
                "filecleanup.attributes selector 'Person.site' watches nothing: Person.site is a URL, not a String, "
                        + "Path, File or URI",
                "filecleanup.exclude selector 'Nobody.x' excludes nothing: it matches no entity attribute"),
                List.copyOf(watch.unmatched().values()));
    }

    private static List<String> labels(FactoryWatch watch) {
        return watch.columns().stream().map(FileColumn::label).toList();
    }

    private static FactoryWatch build(List<String> attributes, List<String> excludes, MappedAttribute... mapped) {
        AgentConfig config = AgentConfig.from(Map.of(), Map.of("filecleanup.attributes", String.join(",", attributes),
                "filecleanup.exclude", String.join(",", excludes)), Map.of());
        return AttributeCatalog.build(new Model(List.of(mapped)), config.attributes(), config.excludes());
    }

    /** An attribute stored in a column named after it, in a table named after its entity. */
    private static MappedAttribute attribute(Object persister, Class<?> entity, String path, int position,
                                             Class<?> type) {
        return new MappedAttribute(persister, entity, entity.getName(), path, position, type,
                new FileColumn(entity.getSimpleName().toLowerCase(), path, false, type, null));
    }

    private record Model(List<MappedAttribute> attributes) implements FactoryModel {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public String hibernateVersion() {
            return "none";
        }

        @Override
        public Connection openConnection(Object tenant) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void closeConnection(Object tenant, Connection connection) {
        }

        @Override
        public boolean multiTenant() {
            return false;
        }

        @Override
        public boolean outlivesFactory() {
            return true;
        }

        @Override
        public EntityStates states() {
            return null;
        }

        @Override
        public CollectionStates collections() {
            return null;
        }

        @Override
        public BulkStatements bulk() {
            return null;
        }
    }
}
