package dev.filecleanup.catalog;

import java.util.function.Function;

/** One database column that holds file values, and how a stored path is written to it. */
public record FileColumn(String table, String column, Function<String, Object> toColumnValue) {
}
