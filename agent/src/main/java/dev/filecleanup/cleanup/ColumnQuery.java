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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads from one column the values that may name given files. Plain SQL on the physical column, so that rows
 * hidden by {@code @SQLRestriction}, filters or soft deletes still count. Two ways to read:
 * <ul>
 *   <li>by suffix: the rows whose value is one of the file names or ends with {@code /name}, plus every row
 *   whose value ends with a slash, white space, {@code /.} or {@code /..}, or holds a {@code %} (an escape in
 *   a {@code file:} URI). One statement per
 *   {@value #NAMES_PER_STATEMENT} names, comparing {@code right(value, n)} for each name length n (in characters,
 *   and in UTF-16 units where they differ): a single scan,
 *   whatever the number of names, that no index helps or needs;</li>
 *   <li>in full, for what the first cannot find: large objects, and converters that do not store the path as it
 *   is (encryption, a random salt). Every value is read and converted back in Java.</li>
 * </ul>
 * The candidates are compared as files by the caller. A query that fails in a way retrying will not fix makes
 * the column fall back to the full read, and then to "cannot be checked"; each step is logged once.
 */
final class ColumnQuery {
    static final int NAMES_PER_STATEMENT = 500;
    /** A file name that a converter changing names (URI escapes, Unicode forms) would not store as it is. */
    private static final String PROBE_NAME = "probe 100% \u00fc\uD83D\uDE00.name";
    private static final String PROBE = "file-cleanup-probe/" + PROBE_NAME;
    /** Trailing characters a value may carry (CHAR padding, a pasted line end) and still name its file. */
    static final String TRAILING = " \t\n\r\u000B\f";

    enum Mode { SUFFIX, FULL, UNCHECKABLE }

    private final FileColumn column;
    private final Counters counters;
    private volatile Mode mode;

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

    /** Feeds {@code sink} every value of the column that may name a file called one of {@code names}. */
    void candidates(Connection connection, List<String> names, Consumer<String> sink) throws SQLException {
        while (mode != Mode.UNCHECKABLE) {
            try {
                if (mode == Mode.SUFFIX) {
                    for (int from = 0; from < names.size(); from += NAMES_PER_STATEMENT) {
                        bySuffix(connection, names.subList(from, Math.min(names.size(), from + NAMES_PER_STATEMENT)),
                                sink);
                    }
                } else {
                    inFull(connection, sink);
                }
                return;
            } catch (SQLException e) {
                if (!SqlErrors.permanent(e)) {
                    throw e;
                }
                // PostgreSQL refuses every later statement of a transaction in which one failed.
                connection.rollback();
                fallBack(e);
            }
        }
    }

    private void fallBack(SQLException e) {
        if (mode == Mode.SUFFIX) {
            mode = Mode.FULL;
            Log.info("column {} is read in full by the reference check: the query by file name failed ({})",
                    column.label(), e.getMessage());
        } else {
            mode = Mode.UNCHECKABLE;
            Log.warn("column {} cannot be checked ({}); files released from it are kept", column.label(),
                    e.getMessage());
        }
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

    private void inFull(Connection connection, Consumer<String> sink) throws SQLException {
        counters.countReferenceQuery();
        try (PreparedStatement statement = connection.prepareStatement("select t." + column.column() + " from "
                + column.table() + " t where t." + column.column() + " is not null")) {
            statement.setFetchSize(NAMES_PER_STATEMENT);
            read(statement, sink);
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
