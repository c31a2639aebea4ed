package dev.filecleanup.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.filecleanup.config.AgentConfig;
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
        assertNull(watch.slots().get(personPersister));
    }

    @Test
    void aSelectorNamingASuperclassCoversTheSubclass() {
        FactoryWatch watch = build(List.of("StoredFile.storagePath"), List.of(),
                attribute(reportPersister, Report.class, "storagePath", 3, String.class));
        assertEquals(List.of("Report.storagePath"), watch.watched());
        assertNotNull(watch.slots().get(reportPersister));
        assertEquals(List.of(), watch.unmatched());
    }

    @Test
    void excludesWinOverSelectorsAndTypes() {
        FactoryWatch watch = build(List.of("*.*"), List.of("Report.*"),
                attribute(reportPersister, Report.class, "scan", 1, Path.class),
                attribute(personPersister, Person.class, "avatar", 0, String.class));
        assertEquals(List.of("Person.avatar"), watch.watched());
    }

    @Test
    void selectorsThatWatchNothingAreReportedWithTheReason() {
        FactoryWatch watch = build(List.of("Person.age", "Persn.avatar", "Person.friends"), List.of("Nobody.x"),
                attribute(personPersister, Person.class, "age", 0, Integer.class),
                attribute(personPersister, Person.class, "friends", 1, null));
        assertEquals(List.of(
                "filecleanup.attributes selector 'Person.age' watches nothing: Person.age is a Integer, not a String, "
                        + "Path or File",
                "filecleanup.attributes selector 'Persn.avatar' watches nothing: it matches no entity attribute",
                "filecleanup.attributes selector 'Person.friends' watches nothing: Person.friends is not a single "
                        + "basic column",
                "filecleanup.exclude selector 'Nobody.x' excludes nothing: it matches no entity attribute"),
                watch.unmatched());
    }

    @Test
    void eachFileColumnIsCheckedOnceThoughSeveralPersistersMapIt() {
        Object subclassPersister = new Object();
        FactoryWatch watch = build(List.of("StoredFile.storagePath"), List.of(),
                attribute(reportPersister, StoredFile.class, "storagePath", 0, String.class),
                attribute(subclassPersister, StoredFile.class, "storagePath", 0, String.class),
                attribute(personPersister, Person.class, "scan", 0, Path.class));
        assertEquals(List.of("storedfile.storagePath", "person.scan"),
                watch.columns().stream().map(column -> column.table() + "." + column.column()).toList());
        assertEquals(3, watch.slots().size(), "both StoredFile persisters and Person's have slots");
    }

    private static FactoryWatch build(List<String> attributes, List<String> excludes, MappedAttribute... mapped) {
        AgentConfig config = AgentConfig.from(Map.of(), Map.of("filecleanup.attributes", String.join(",", attributes),
                "filecleanup.exclude", String.join(",", excludes)), Map.of());
        return AttributeCatalog.build(new Model(List.of(mapped)), config.attributes(), config.excludes());
    }

    private static MappedAttribute attribute(Object persister, Class<?> entity, String name, int position,
                                             Class<?> type) {
        return new MappedAttribute(persister, entity, entity.getName(), name, position, type,
                entity.getSimpleName().toLowerCase(), name, value -> value);
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
        public Connection openConnection() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void closeConnection(Connection connection) {
        }
    }
}
