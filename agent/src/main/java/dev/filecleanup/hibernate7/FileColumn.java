package dev.filecleanup.hibernate7;

import java.io.File;
import java.nio.file.Path;
import org.hibernate.metamodel.mapping.JdbcMapping;

/** One database column that holds file values, with how a captured value is written to it. */
record FileColumn(String table, String column, JdbcMapping jdbcMapping, Class<?> javaType) {

    String key() {
        return table + "." + column;
    }

    /** The value as the column stores it: Path and File attributes go through their converter. */
    Object toColumnValue(String value) {
        Object domain = javaType == Path.class ? Path.of(value) : javaType == File.class ? new File(value) : value;
        Object relational = jdbcMapping.convertToRelationalValue(domain);
        return relational instanceof Path || relational instanceof File ? relational.toString() : relational;
    }
}
