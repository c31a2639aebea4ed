package dev.filecleanup.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filecleanup.catalog.FactoryModel;
import dev.filecleanup.catalog.FileColumn;
import dev.filecleanup.catalog.MappedAttribute;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reference query on a real database (H2), on the connection a SessionFactory would lend it. */
class NativeReferenceLookupTest {
    private final Counters counters = new Counters();
    private final AtomicInteger rollbacks = new AtomicInteger();
    private Connection keepAlive;
    private boolean autoCommit = true;

    @BeforeEach
    void rows() throws SQLException {
        keepAlive = DriverManager.getConnection("jdbc:h2:mem:lookup;DB_CLOSE_DELAY=-1", "sa", "");
        try (Statement statement = keepAlive.createStatement()) {
            statement.execute("create table document (id int, file_path varchar(200))");
            statement.execute("create table padded (id int, file_path char(20))");
            statement.execute("create table loose (id int, file_path varchar_ignorecase(200))");
            statement.execute("insert into document values (1, 'docs/a.pdf'), (2, 'docs/b.pdf')");
            statement.execute("insert into padded values (1, 'pad.pdf')");
            statement.execute("insert into loose values (1, 'docs/Case.pdf')");
        }
    }

    @AfterEach
    void drop() throws SQLException {
        try (Statement statement = keepAlive.createStatement()) {
            statement.execute("drop all objects");
        }
        keepAlive.close();
    }

    @Test
    void findsExactlyTheValuesAColumnHolds() throws Exception {
        assertEquals(Set.of("docs/a.pdf"),
                lookup(column("document")).stillReferenced(List.of("docs/a.pdf", "docs/c.pdf")));
    }

    @Test
    void asksEachColumnInBatchesOfTheBatchSize() throws Exception {
        List<String> values = new ArrayList<>(IntStream.range(0, 2 * NativeReferenceLookup.BATCH_SIZE)
                .mapToObj(i -> "docs/" + i + ".pdf").toList());
        values.add("docs/b.pdf");
        Set<String> referenced = lookup(column("document"), column("padded")).stillReferenced(values);
        assertEquals(Set.of("docs/b.pdf"), referenced);
        assertEquals(2 * 3, counters.referenceQueries(), "two columns, three batches each");
    }

    /** A match the database makes that is not string-equal (padding, case) counts: keep rather than delete. */
    @Test
    void looseMatchesOfTheDatabaseCountAsReferences() throws Exception {
        assertEquals(Set.of("pad.pdf", "docs/case.pdf"),
                lookup(column("padded"), column("loose")).stillReferenced(List.of("pad.pdf", "docs/case.pdf")));
    }

    @Test
    void theColumnsConverterDecidesWhatIsLookedFor() throws Exception {
        FileColumn prefixed = new FileColumn("document", "file_path", value -> "docs/" + value);
        assertEquals(Set.of("a.pdf"), lookup(prefixed).stillReferenced(List.of("a.pdf", "z.pdf")));
    }

    /** A pool that hands out connections outside auto-commit must get them back with no transaction open. */
    @Test
    void endsTheReadTransactionItOpened() throws Exception {
        autoCommit = false;
        lookup(column("document")).stillReferenced(List.of("docs/a.pdf"));
        assertEquals(1, rollbacks.get());
    }

    private static FileColumn column(String table) {
        return new FileColumn(table, "file_path", value -> value);
    }

    private NativeReferenceLookup lookup(FileColumn... columns) {
        return new NativeReferenceLookup(new H2(), List.of(columns), counters);
    }

    /** Lends connections to the in-memory database, counting the rollbacks they see. */
    private final class H2 implements FactoryModel {
        @Override
        public String name() {
            return "h2";
        }

        @Override
        public String hibernateVersion() {
            return "none";
        }

        @Override
        public List<MappedAttribute> attributes() {
            return List.of();
        }

        @Override
        public Connection openConnection() throws SQLException {
            Connection connection = DriverManager.getConnection("jdbc:h2:mem:lookup", "sa", "");
            connection.setAutoCommit(autoCommit);
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, arguments) -> {
                        if (method.getName().equals("rollback") && method.getParameterCount() == 0) {
                            rollbacks.incrementAndGet();
                        }
                        return method.invoke(connection, arguments);
                    });
        }

        @Override
        public void closeConnection(Connection connection) throws SQLException {
            assertTrue(connection.getAutoCommit() || rollbacks.get() > 0, "returned with a transaction open");
            connection.close();
        }
    }
}
