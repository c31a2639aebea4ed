package com.example.uploads.bench;

import com.example.uploads.Document;
import com.example.uploads.Tag;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The agent's cost in the steady state, for {@link Perf}'s third goal: each operation is one transaction on
 * H2 in memory that loads one entity by id, changes it and commits.
 * <ul>
 *   <li>{@code updateTag}: an entity without a file attribute;</li>
 *   <li>{@code updateTitle}: an entity with a file attribute, of which only the title changes;</li>
 *   <li>{@code replaceFile}: the file attribute replaced, which releases the old file;</li>
 *   <li>{@code removeDocument}: an entity with a file attribute removed, which releases its file.</li>
 * </ul>
 * With {@code onDisk=true} (the default) the released file exists, in the folder {@code -Dbench.uploads} (the
 * agent's root), so that the agent's worker checks references and deletes it on another core while the next
 * operations run; {@code false} leaves no file, and the worker settles the value without a query. The file and,
 * for {@code removeDocument}, the row are made before each operation, outside the measured time
 * ({@link Level#Invocation}, which adds a timestamp per operation: the same with the agent and without). Without
 * the agent the files stay, and are cleared after each iteration, outside the measured time too.
 *
 * <p>Each thread has a database of its own, so {@code -t N} works. The operations take tens of microseconds;
 * src/bench/perf.sh runs them without and with the agent and prints the ratio.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SteadyStateBenchmark {

    /**
     * One database, one Tag and one Document per thread, and the folder of that thread's files. Each benchmark
     * uses one subclass of its own (JMH gives a state injected into another state's setup an instance of its own,
     * so the setups that differ live in the subclasses).
     */
    @State(Scope.Thread)
    public abstract static class Data {
        @Param({"true"})
        public boolean onDisk;

        EntityManagerFactory emf;
        Path root;
        Path folder;
        String folderName;
        long tagId;
        long documentId;
        String currentPath;
        long counter;

        @Setup(Level.Trial)
        public void open() throws IOException {
            String name = "steady-" + UUID.randomUUID();
            emf = Persistence.createEntityManagerFactory("uploads", Map.of("jakarta.persistence.jdbc.url",
                    "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"));
            String uploads = System.getProperty("bench.uploads");
            root = uploads != null ? Path.of(uploads) : Files.createTempDirectory("steady-state");
            folderName = name;
            folder = Files.createDirectories(root.resolve(name));
            Tag tag = new Tag("a");
            currentPath = nextPath();
            Document document = new Document("a", currentPath);
            inTransaction(em -> {
                em.persist(tag);
                em.persist(document);
            });
            tagId = tag.id;
            documentId = document.id;
        }

        @TearDown(Level.Trial)
        public void close() {
            emf.close();
        }

        String nextPath() {
            return folderName + "/file-" + ++counter + ".bin";
        }

        void store(String path) {
            if (onDisk) {
                try {
                    Files.writeString(root.resolve(path), "contents");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        void inTransaction(Consumer<EntityManager> work) {
            EntityManager em = emf.createEntityManager();
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
            em.close();
        }

        /** Without the agent nothing deletes the files: they go here, outside the measured time. */
        void clearFolder() throws IOException {
            String current = Path.of(currentPath).getFileName().toString();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (!file.getFileName().toString().equals(current)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    /** For the updates: nothing before each operation. */
    @State(Scope.Thread)
    public static class Updates extends Data {
    }

    /** Before each replacement: the file that the document names now exists. */
    @State(Scope.Thread)
    public static class Replacement extends Data {
        @Setup(Level.Invocation)
        public void storeCurrent() {
            store(currentPath);
        }

        @TearDown(Level.Iteration)
        public void clear() throws IOException {
            clearFolder();
        }
    }

    /** Before each removal: a new document, and its file. */
    @State(Scope.Thread)
    public static class Removal extends Data {
        long id;

        @Setup(Level.Invocation)
        public void insert() {
            String path = nextPath();
            store(path);
            Document document = new Document("r", path);
            inTransaction(em -> em.persist(document));
            id = document.id;
        }

        @TearDown(Level.Iteration)
        public void clear() throws IOException {
            clearFolder();
        }
    }

    @Benchmark
    public void updateTag(Updates data) {
        data.inTransaction(em -> em.find(Tag.class, data.tagId).label = "t" + ++data.counter);
    }

    @Benchmark
    public void updateTitle(Updates data) {
        data.inTransaction(em -> em.find(Document.class, data.documentId).title = "t" + ++data.counter);
    }

    @Benchmark
    public void replaceFile(Replacement data) {
        String path = data.nextPath();
        data.inTransaction(em -> em.find(Document.class, data.documentId).filePath = path);
        data.currentPath = path;
    }

    @Benchmark
    public void removeDocument(Removal data) {
        data.inTransaction(em -> em.remove(em.find(Document.class, data.id)));
    }
}
