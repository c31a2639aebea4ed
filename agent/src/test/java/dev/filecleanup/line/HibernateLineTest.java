package dev.filecleanup.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filecleanup.catalog.FactoryModel;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HibernateLineTest {
    @TempDir
    Path temp;

    /** A class loader that holds nothing but empty files at these class-file paths. */
    private ClassLoader holding(String... classFiles) throws Exception {
        Path folder = Files.createTempDirectory(temp, "loader");
        for (String classFile : classFiles) {
            Path file = folder.resolve(classFile);
            Files.createDirectories(file.getParent());
            Files.createFile(file);
        }
        return new URLClassLoader(new URL[] {folder.toUri().toURL()}, null);
    }

    @Test
    void eachLineIsRecognisedByItsOwnClassFiles() throws Exception {
        assertSame(HibernateLine.V5_6,
                HibernateLine.of(holding("org/hibernate/Criteria.class", "org/hibernate/FetchNotFoundException.class")));
        assertSame(HibernateLine.V6_2,
                HibernateLine.of(holding("org/hibernate/metamodel/mapping/AttributeMappingsList.class")));
    }

    @Test
    void otherVersionsAndLoadersWithoutHibernateHaveNoLine() throws Exception {
        // 5.4 has the Criteria API but not 5.6's FetchNotFoundException; 6.0 and 6.1 lack AttributeMappingsList.
        assertNull(HibernateLine.of(holding("org/hibernate/Criteria.class")));
        assertNull(HibernateLine.of(holding("org/hibernate/query/spi/SqmQuery.class")));
        assertNull(HibernateLine.of(holding()));
        assertNull(HibernateLine.of(null));
    }

    @Test
    void theHibernateOnTheTestClassPathIsALineOfItsOwn() {
        assertSame(HibernateLine.V6_2, HibernateLine.of(getClass().getClassLoader()));
    }

    /** One name per line: the constant names the package, the reader class and the log's label. */
    @Test
    void everyLinesReaderIsNamedAfterTheLine() throws Exception {
        for (HibernateLine line : HibernateLine.values()) {
            Class<?> reader = Class.forName(line.readerClass());
            assertEquals("dev.filecleanup.hibernate." + line.name().toLowerCase(), reader.getPackageName());
            assertEquals(line.name() + "Reader", reader.getSimpleName());
            assertEquals(line.name().toLowerCase(), line.id());
            assertTrue(FactoryModel.Reader.class.isAssignableFrom(reader), reader + " is not a reader");
        }
    }

    @Test
    void readersAreDefinedInAChildOfHibernatesLoaderAndSeeOurCore() throws Exception {
        ClassLoader hibernate = getClass().getClassLoader();
        FactoryModel.Reader reader = HibernateLine.V6_2.newReader(hibernate);
        assertTrue(reader.getClass().getClassLoader() instanceof LineLoader);
        assertSame(hibernate, reader.getClass().getClassLoader().getParent());
        assertSame(FactoryModel.Reader.class, reader.getClass().getInterfaces()[0]);
    }
}
