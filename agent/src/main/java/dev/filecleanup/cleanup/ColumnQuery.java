package dev.filecleanup.cleanup;

import dev.filecleanup.Log;
import dev.filecleanup.capture.FileValue;
import dev.filecleanup.catalog.FileColumn;
import java.net.URI;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.SQLDataException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads from one column the values that may name given files. Plain SQL on the physical column, so that rows
 * hidden by {@code @SQLRestriction}, filters or soft deletes still count. Two ways to read:
 * <ul>
 *   <li>by suffix: the rows whose value is one of the file names or ends with {@code /name}, plus every row
 *   whose value ends with a slash, white space, {@code /.} or {@code /..}, or holds a {@code %} (an escape in
 *   a {@code file:} URI). One statement for up to {@value #NAMES_PER_STATEMENT} names, comparing
 *   {@code right(value, n)} for each name length n (in characters, and in UTF-16 units where they differ): a
 *   single scan, whatever the number of names, that no index helps or needs;</li>
 *   <li>in full: every value, filtered in Java by {@link #mayName}, the same test as the suffix query's. For
 *   what the first cannot find (large objects, and converters that do not store the path as it is: every value
 *   is converted back first), and in its place where reading every row costs less than filtering them: more
 *   names than one statement takes (one scan rather than several), and on H2, which compares each row with
 *   every parameter of an {@code in} list in turn (on 50,000 rows, 500 names take about 400 ms by suffix and
 *   10 ms in full).</li>
 * </ul>
 * Either way a column costs one statement per check. The candidates are compared as files by the caller. A query
 * by suffix that fails in a way retrying will not fix makes the column fall back to the full read, and a full read
 * that fails so makes it "cannot be checked"; each step is logged once.
 */
final class ColumnQuery {
    static final int NAMES_PER_STATEMENT = 500;
    /** Rows a full read fetches at a time, where the driver would otherwise hold them all in memory. */
    private static final int FETCH_SIZE = 5_000;
    /** A file name that a converter changing names (URI escapes, Unicode forms) would not store as it is. */
    private static final String PROBE_NAME = "probe 100% \u00fc\uD83D\uDE00.name";
    private static final String PROBE = "file-cleanup-probe/" + PROBE_NAME;
    /** Trailing characters a value may carry (CHAR padding, a pasted line end) and still name its file. */
    static final String TRAILING = " \t\n\r\u000B\f";

    enum Mode { SUFFIX, FULL, UNCHECKABLE }

    private final FileColumn column;
    private final Counters counters;
    private volatile Mode mode;
    private volatile String product;
    private boolean bySuffixOnH2;

    ColumnQuery(FileColumn column, Counters counters) {
        this.column = column;
        this.counters = counters;
        String fullBecause = fullReadReason(column);
        this.mode = fullBecause == null ? Mode.SUFFIX : Mode.FULL;
        if (fullBecause != null) {
            Log.info("column {} is read in full by the reference check: {}", column.label(), fullBecause);
        }
    }

    String label() {
        return column.label();
    }

    boolean checkable() {
        return mode != Mode.UNCHECKABLE;
    }

    /**
     * Feeds {@code sink} every value of the column that may name a file called one of {@code names}, in one
     * statement.
     */
    void candidates(Connection connection, List<String> names, Consumer<String> sink) throws SQLException {
        candidates(connection, names, keys(names), sink);
    }

    /** {@code keys}: the {@link #keys} of {@code names}, for a caller that asks many columns. */
    void candidates(Connection connection, List<String> names, Set<String> keys, Consumer<String> sink)
            throws SQLException {
        while (mode != Mode.UNCHECKABLE) {
            boolean whole = mode == Mode.FULL || names.size() > NAMES_PER_STATEMENT || filtersSlowly(connection);
            try {
                if (whole) {
                    inFull(connection, keys, sink);
                } else {
                    bySuffix(connection, names, sink);
                }
                return;
            } catch (SQLException e) {
                if (!SqlErrors.permanent(e)) {
                    throw e;
                }
                // PostgreSQL refuses every later statement of a transaction in which one failed.
                connection.rollback();
                fallBack(e, whole);
            }
        }
    }

    /** Tests ask H2 by suffix, to run the SQL that other databases run. */
    ColumnQuery bySuffixOnH2() {
        bySuffixOnH2 = true;
        return this;
    }

    /** Whether the database takes longer to filter the rows by suffix than to hand them all over (H2). */
    private boolean filtersSlowly(Connection connection) throws SQLException {
        if (product == null) {
            product = connection.getMetaData().getDatabaseProductName();
        }
        return !bySuffixOnH2 && "H2".equals(product);
    }

    /** The query by suffix fell back to the full read; a full read that fails so leaves nothing to try. */
    private void fallBack(SQLException e, boolean whole) {
        if (!whole) {
            mode = Mode.FULL;
            Log.info("column {} is read in full by the reference check: the query by file name failed ({})",
                    column.label(), e.getMessage());
        } else {
            mode = Mode.UNCHECKABLE;
            Log.warn("column {} cannot be checked ({}); files released from it are kept", column.label(),
                    e.getMessage());
        }
    }

    /**
     * The suffix query's {@code where} clause in Java, for a value read in full: whether it is one of the names,
     * ends with {@code /name}, ends with a slash, white space, {@code /.} or {@code /..}, or holds a {@code %}.
     * {@code keys}: the names lower-cased, as a database's case-insensitive match would compare them; the caller's
     * comparison of files is exact.
     */
    static boolean mayName(String value, Set<String> keys) {
        int length = value.length();
        if (length == 0) {
            return false;
        }
        char last = value.charAt(length - 1);
        if (last == '/' || TRAILING.indexOf(last) >= 0 || value.endsWith("/.") || value.endsWith("/..")
                || value.indexOf('%') >= 0) {
            return true;
        }
        // No name holds a slash: ending with "/name" is having it after the last slash.
        return keys.contains(value.substring(value.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT));
    }

    /** The names as {@link #mayName} looks them up. */
    static Set<String> keys(Collection<String> names) {
        Set<String> keys = new HashSet<>();
        names.forEach(name -> keys.add(name.toLowerCase(Locale.ROOT)));
        return keys;
    }

    private void bySuffix(Connection connection, List<String> names, Consumer<String> sink) throws SQLException {
        String value = "t." + column.column();
        Map<Integer, List<String>> byLength = new TreeMap<>();
        for (String name : names) {
            // right() counts characters on PostgreSQL and MariaDB, UTF-16 units on H2: ask for both lengths.
            byLength.computeIfAbsent(name.length() + 1, n -> new ArrayList<>()).add("/" + name);
            int characters = name.codePointCount(0, name.length()) + 1;
            if (characters != name.length() + 1) {
                byLength.computeIfAbsent(characters, n -> new ArrayList<>()).add("/" + name);
            }
        }
        StringBuilder sql = new StringBuilder("select ").append(value).append(" from ").append(column.table())
                .append(" t where ").append(value).append(" in (").append(marks(names.size())).append(')');
        byLength.forEach((length, suffixes) -> sql.append(" or right(").append(value).append(", ").append(length)
                .append(") in (").append(marks(suffixes.size())).append(')'));
        // Spellings that name their file only once normalised or trimmed (a trailing slash, "." or "..", CHAR
        // padding) are all read: they are rare, and the raw column is cheaper to compare than a trimmed one.
        sql.append(" or right(").append(value).append(", 1) in (").append(marks(TRAILING.length() + 1))
                .append(") or right(").append(value).append(", 2) = ? or right(").append(value).append(", 3) = ?");
        // A file: URI may escape any character of a name (a%20b.pdf): every value with an escape is read.
        sql.append(" or ").append(value).append(" like ? escape '!'");
        counters.countReferenceQuery();
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (String name : names) {
                statement.setString(index++, name);
            }
            for (List<String> suffixes : byLength.values()) {
                for (String suffix : suffixes) {
                    statement.setString(index++, suffix);
                }
            }
            statement.setString(index++, "/");
            for (char c : TRAILING.toCharArray()) {
                statement.setString(index++, String.valueOf(c));
            }
            statement.setString(index++, "/.");
            statement.setString(index++, "/..");
            statement.setString(index, "%!%%");
            read(statement, sink);
        }
    }

    /** The value without the trailing characters that the query by name reads every row ending with. */
    static String trimmed(String value) {
        int end = value.length();
        while (end > 0 && TRAILING.indexOf(value.charAt(end - 1)) >= 0) {
            end--;
        }
        return value.substring(0, end);
    }

    private void inFull(Connection connection, Set<String> keys, Consumer<String> sink) throws SQLException {
        everyValue(connection, value -> {
            if (mayName(value, keys)) {
                sink.accept(value);
            }
        });
    }

    /**
     * Every value of the column, streamed {@value #FETCH_SIZE} rows at a time: the orphan sweep's one read. A failure
     * is thrown as it is, and changes nothing in how the reference check reads the column.
     */
    void everyValue(Connection connection, Consumer<String> sink) throws SQLException {
        counters.countReferenceQuery();
        try (PreparedStatement statement = connection.prepareStatement("select t." + column.column() + " from "
                + column.table() + " t where t." + column.column() + " is not null")) {
            statement.setFetchSize(FETCH_SIZE);
            read(statement, sink);
        }
    }

    /** The rows that hold a value, for sizing what the sweep builds from them before it reads them. */
    long count(Connection connection) throws SQLException {
        counters.countReferenceQuery();
        try (PreparedStatement statement = connection.prepareStatement("select count(t." + column.column()
                + ") from " + column.table() + " t");
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private void read(PreparedStatement statement, Consumer<String> sink) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String value = value(rows);
                if (value != null) {
                    sink.accept(value);
                }
            }
        }
    }

    /** The file value a row holds, the way the entity would see it. */
    private String value(ResultSet rows) throws SQLException {
        Object stored;
        if (column.lob()) {
            Clob clob = rows.getClob(1);
            stored = clob == null ? null : clob.getSubString(1, (int) Math.min(Integer.MAX_VALUE, clob.length()));
        } else {
            stored = column.converter() == null ? rows.getString(1) : rows.getObject(1);
        }
        if (stored == null) {
            return null;
        }
        if (column.converter() != null) {
            try {
                return FileValue.of(column.converter().toAttribute(stored));
            } catch (RuntimeException e) {
                // The converter rejects what the column holds. Stored text is the best guess of the file;
                // anything else names no file we can tell, and the column cannot be checked.
                if (!(stored instanceof String)) {
                    throw new SQLDataException("the converter cannot read a stored value: " + e, "22000", e);
                }
            }
        }
        return stored instanceof String text ? text : FileValue.of(stored);
    }

    private static String marks(int count) {
        return "?,".repeat(count - 1) + "?";
    }

    /** Why a column must be read in full, found without the database; null when the query by name works. */
    static String fullReadReason(FileColumn column) {
        if (column.lob()) {
            return "it is a large object";
        }
        if (column.javaType() == URI.class) {
            return "it holds URIs, whose escapes change file names";
        }
        if (column.converter() == null) {
            return null;
        }
        try {
            Object attribute = FileValue.toAttribute(PROBE, column.javaType());
            Object once = column.converter().toColumn(attribute);
            Object twice = column.converter().toColumn(attribute);
            if (!Objects.deepEquals(once, twice)) {
                return "its converter does not give the same column value twice for the same path";
            }
            String stored = once instanceof String text ? text : FileValue.of(once);
            if (stored == null || !stored.endsWith("/" + PROBE_NAME)) {
                return "its converter does not store a path as it is";
            }
            return null;
        } catch (Throwable e) {
            // The application's code: whatever it throws, the column is read in full rather than not at all.
            return "its converter rejects a plain path (" + e + ")";
        }
    }
}
