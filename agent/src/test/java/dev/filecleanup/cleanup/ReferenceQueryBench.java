package dev.filecleanup.cleanup;

import dev.filecleanup.catalog.FileColumn;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cost of the reference check's query on a large table: {@code src/bench/reference-query.sh} runs it. Fills
 * a table with {@code rows} paths, unique or sharing one file name, and times {@link ColumnQuery#candidates} for
 * batches of released names, without an index on the column and then with one. Prints a median of five runs per
 * case. Not a test: timings belong here, not in assertions.
 */
public final class ReferenceQueryBench {
    private static final int RUNS = 5;

    public static void main(String[] args) throws SQLException {
        String url = System.getProperty("bench.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("bench.user", "postgres");
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        try (Connection connection = DriverManager.getConnection(url, user, System.getProperty("bench.password", ""))) {
            System.out.printf("%s, %,d rows%n", connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion(), rows);
            System.out.printf("%-22s %-9s %8s %12s %12s%n", "rows' file names", "index", "names", "median ms",
                    "candidates");
            for (boolean shared : new boolean[] {false, true}) {
                fill(connection, rows, shared);
                for (String index : new String[] {"none", "btree"}) {
                    if (index.equals("btree")) {
                        execute(connection, "create index bench_files_path on bench_files (path)",
                                "analyze bench_files");
                    }
                    for (int names : new int[] {1, 50, 500, 5000}) {
                        measure(connection, rows, shared, index, names);
                    }
                }
            }
            execute(connection, "drop table bench_files");
        }
    }

    private static void measure(Connection connection, int rows, boolean shared, String index, int count)
            throws SQLException {
        ColumnQuery query = new ColumnQuery(new FileColumn("bench_files", "path", false, String.class, null),
                new Counters());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Released files spread over the table, as a day of removals would be.
            names.add(shared ? "original.jpg" : "file-" + (long) i * rows / count + ".pdf");
        }
        long[] millis = new long[RUNS];
        AtomicLong candidates = new AtomicLong();
        for (int run = 0; run < RUNS; run++) {
            candidates.set(0);
            long start = System.nanoTime();
            query.candidates(connection, names.stream().distinct().toList(), value -> candidates.incrementAndGet());
            millis[run] = (System.nanoTime() - start) / 1_000_000;
            connection.rollback();
        }
        Arrays.sort(millis);
        System.out.printf("%-22s %-9s %8d %12d %12d%n", shared ? "one name for all" : "unique", index, count,
                millis[RUNS / 2], candidates.get());
    }

    private static void fill(Connection connection, int rows, boolean shared) throws SQLException {
        connection.setAutoCommit(true);
        execute(connection, "drop table if exists bench_files",
                "create table bench_files (id bigint primary key, path varchar(255))",
                "insert into bench_files select g, 'uploads/' || md5(g::text) || '/' || "
                        + (shared ? "'original.jpg'" : "'file-' || g || '.pdf'")
                        + " from generate_series(0, " + (rows - 1) + ") g",
                "analyze bench_files");
        connection.setAutoCommit(false);
    }

    private static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
