package dev.filecleanup.capture;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The foreign keys declared {@code ON DELETE CASCADE} that lead, directly or through other tables, to a table
 * holding file values. Read from the database's own metadata rather than the mapping: it is what the database
 * will delete, whether {@code @OnDelete}, a migration or a DBA declared it.
 */
final class CascadeGraph {
    /** A foreign key of {@code child}: {@code foreignKey[i]} references the parent's {@code referenced[i]}. */
    record Edge(String child, List<String> foreignKey, List<String> referenced) {
    }

    /** No cascades: what the agent assumes when the metadata cannot be read. */
    static final CascadeGraph EMPTY = new CascadeGraph(Map.of());

    private final Map<String, List<Edge>> byParent;

    private CascadeGraph(Map<String, List<Edge>> byParent) {
        this.byParent = byParent;
    }

    /** The cascading foreign keys that reference {@code table}. */
    List<Edge> from(String table) {
        return byParent.getOrDefault(key(table), List.of());
    }

    /** Walks up from {@code tables}, as Hibernate writes them, through every cascading foreign key. */
    static CascadeGraph read(Connection connection, Collection<String> tables) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String quote = metaData.getIdentifierQuoteString().trim();
        boolean schemas = metaData.supportsSchemasInTableDefinitions();
        Map<String, List<Edge>> byParent = new LinkedHashMap<>();
        Deque<String> pending = new ArrayDeque<>(tables);
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String table = pending.pop();
            if (!seen.add(key(table))) {
                continue;
            }
            Map<String, TreeMap<Integer, String[]>> keys = new LinkedHashMap<>();
            try (ResultSet result = importedKeys(connection, metaData, table)) {
                while (result.next()) {
                    if (result.getShort("DELETE_RULE") == DatabaseMetaData.importedKeyCascade) {
                        // Qualified as the metadata knows it, so that its own keys are looked up where it lives.
                        String qualifier = result.getString(schemas ? "PKTABLE_SCHEM" : "PKTABLE_CAT");
                        String parent = (qualifier == null ? "" : quoted(quote, qualifier) + ".")
                                + quoted(quote, result.getString("PKTABLE_NAME"));
                        keys.computeIfAbsent(parent + "\u0000" + result.getString("FK_NAME"), k -> new TreeMap<>())
                                .put((int) result.getShort("KEY_SEQ"), new String[] {parent,
                                        quoted(quote, result.getString("FKCOLUMN_NAME")),
                                        quoted(quote, result.getString("PKCOLUMN_NAME"))});
                    }
                }
            }
            for (TreeMap<Integer, String[]> columns : keys.values()) {
                String parent = columns.firstEntry().getValue()[0];
                List<String> foreignKey = new ArrayList<>();
                List<String> referenced = new ArrayList<>();
                columns.values().forEach(column -> {
                    foreignKey.add(column[1]);
                    referenced.add(column[2]);
                });
                byParent.computeIfAbsent(key(parent), k -> new ArrayList<>())
                        .add(new Edge(table, List.copyOf(foreignKey), List.copyOf(referenced)));
                pending.add(parent);
            }
        }
        return new CascadeGraph(byParent);
    }

    /** The foreign keys of a table named as Hibernate writes it: maybe quoted, maybe schema-qualified. */
    private static ResultSet importedKeys(Connection connection, DatabaseMetaData metaData, String table)
            throws SQLException {
        int dot = table.lastIndexOf('.');
        String qualifier = dot < 0 ? null : unquoted(metaData, table.substring(0, dot));
        String name = unquoted(metaData, table.substring(dot + 1));
        boolean schemas = metaData.supportsSchemasInTableDefinitions();
        String catalog = !schemas && qualifier != null ? qualifier : connection.getCatalog();
        String schema = !schemas ? null : qualifier != null ? qualifier : connection.getSchema();
        return metaData.getImportedKeys(catalog, schema, name);
    }

    /** A name as the metadata stores it: quoted names keep their case, others take the database's. */
    private static String unquoted(DatabaseMetaData metaData, String name) throws SQLException {
        if (name.length() > 1 && "\"`[".indexOf(name.charAt(0)) >= 0) {
            return name.substring(1, name.length() - 1);
        }
        if (metaData.storesUpperCaseIdentifiers()) {
            return name.toUpperCase(Locale.ROOT);
        }
        return metaData.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
    }

    private static String quoted(String quote, String name) {
        return quote.isEmpty() ? name : quote + name + quote;
    }

    /**
     * How tables and columns are compared: unquoted, case-insensitive, without schema. Two schemas' tables of the
     * same name may share edges: at worst a file is read and then kept by the reference check.
     */
    static String key(String name) {
        String bare = name.substring(name.lastIndexOf('.') + 1);
        if (bare.length() > 1 && "\"`[".indexOf(bare.charAt(0)) >= 0) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return bare.toLowerCase(Locale.ROOT);
    }
}
