package dev.filecleanup.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.Entity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntityNamesTest {
    static class Base {
    }

    @Entity(name = "Doc")
    static class Named extends Base {
    }

    @Entity
    static class Unnamed extends Named {
    }

    static class NotAnEntity {
    }

    @Test
    void everyNameOfTheClassAndItsSuperclassesCounts() {
        Set<String> names = EntityNames.of(Unnamed.class, "custom-entity-name");
        assertEquals(List.of("custom-entity-name",
                        Unnamed.class.getName(), "Unnamed",
                        Named.class.getName(), "Named", "Doc",
                        Base.class.getName(), "Base"),
                List.copyOf(names));
    }

    @Test
    void aDynamicEntityHasOnlyItsEntityName() {
        assertEquals(Set.of("Parcel"), EntityNames.of(null, "Parcel"));
    }

    @Test
    void theLogUsesTheJpaNameWhichDefaultsToTheSimpleName() {
        assertEquals("Doc", EntityNames.display(Named.class, Named.class.getName()));
        assertEquals("Unnamed", EntityNames.display(Unnamed.class, Unnamed.class.getName()));
        assertEquals("NotAnEntity", EntityNames.display(NotAnEntity.class, NotAnEntity.class.getName()));
        assertEquals("Parcel", EntityNames.display(null, "com.example.Parcel"));
    }
}
