package dev.filecleanup.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Database cascades on H2: the foreign keys come from the database's metadata, the rows from plain SQL. */
class DatabaseCascadesTest {
    private Connection connection;
    private final List<String> released = new ArrayList<>();

    @BeforeEach
    void schema() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:cascades", "sa", "");
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table project (id bigint primary key)");
            statement.execute("create table sheet (id bigint primary key, file varchar(100), "
                    + "project_id bigint references project (id) on delete cascade)");
            statement.execute("create table revision (id bigint primary key, file varchar(100), "
                    + "sheet_id bigint references sheet (id) on delete cascade)");
            statement.execute("create table note (id bigint primary key, file varchar(100), "
                    + "project_id bigint references project (id))");
            // A second cascading child below the first level, a tree, and a chain through another schema.
            statement.execute("create table comment (file varchar(100), "
                    + "sheet_id bigint references sheet (id) on delete cascade)");
            statement.execute("create table folder (id bigint primary key, file varchar(100), "
                    + "parent_id bigint references folder (id) on delete cascade)");
            statement.execute("insert into folder values (1, 'folder-1', null), (2, 'folder-2', 1), "
                    + "(3, 'folder-3', 2), (4, 'folder-4', null)");
            statement.execute("create schema archive");
            statement.execute("create table archive.box (id bigint primary key)");
            statement.execute("create table archive.crate (id bigint primary key, "
                    + "box_id bigint references archive.box (id) on delete cascade)");
            statement.execute("create table crate (id bigint primary key)");
            statement.execute("create table item (file varchar(100), "
                    + "crate_id bigint references archive.crate (id) on delete cascade)");
            statement.execute("insert into archive.box values (1)");
            statement.execute("insert into archive.crate values (10, 1)");
            statement.execute("insert into crate values (10)");
            statement.execute("insert into item values ('item.txt', 10)");
            statement.execute("create table pair (a int, b int, primary key (a, b))");
            statement.execute("create table \"Pair File\" (file varchar(100), a int, b int, "
                    + "foreign key (b, a) references pair (b, a) on delete cascade)");
            statement.execute("insert into project values (1), (2)");
            statement.execute("insert into note values (1, 'note.txt', 1)");
            statement.execute("insert into pair values (1, 2), (2, 1)");
            statement.execute("insert into \"Pair File\" values ('pair-1-2.txt', 1, 2), ('pair-2-1.txt', 2, 1)");
        }
        try (PreparedStatement sheets = connection.prepareStatement("insert into sheet values (?, ?, ?)");
             PreparedStatement revisions = connection.prepareStatement("insert into revision values (?, ?, ?)");
             PreparedStatement comments = connection.prepareStatement("insert into comment values (?, ?)")) {
            // More sheets than one statement takes, so that the level below is read in several statements.
            for (int id = 1; id <= 2 * CascadeWalk.KEYS_PER_STATEMENT + 1; id++) {
                sheets.setLong(1, id);
                sheets.setString(2, "sheet-" + id + ".csv");
                sheets.setLong(3, id == 1 ? 2 : 1);
                sheets.addBatch();
                revisions.setLong(1, id);
                revisions.setString(2, "revision-" + id + ".csv");
                revisions.setLong(3, id);
                revisions.addBatch();
                comments.setString(1, "comment-" + id + ".txt");
                comments.setLong(2, id);
                comments.addBatch();
            }
            sheets.executeBatch();
            revisions.executeBatch();
            comments.executeBatch();
        }
    }

    @AfterEach
    void drop() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop all objects");
        }
        connection.close();
    }

    private DatabaseCascades cascades() {
        return new DatabaseCascades(List.of(column("sheet", "file"), column("revision", "file"),
                column("comment", "file"), column("note", "file"), column("\"Pair File\"", "file"),
                column("folder", "file"), column("item", "file")));
    }

    private static ReleasingColumn column(String table, String column) {
        return new ReleasingColumn(table, column, false, value -> "converted/" + value, "E", column,
                table + "." + column);
    }

    @Test
    void everyLevelOfCascadeIsReadAndOnlyCascadingKeysAreFollowed() throws SQLException {
        DatabaseCascades cascades = cascades();
        List<DatabaseCascades.Table> project = List.of(new DatabaseCascades.Table("project", List.of("id")));
        assertEquals(project, cascades.cascading("project", null, states(project)));
        cascades.read(connection, project, project.get(0), List.of(1L), DatabaseCascadesTest::bindLong,
                (column, value) -> released.add(column.label() + "=" + value));
        TreeSet<String> expected = new TreeSet<>();
        for (int id = 2; id <= 2 * CascadeWalk.KEYS_PER_STATEMENT + 1; id++) {
            expected.add("sheet.file=converted/sheet-" + id + ".csv");
            expected.add("revision.file=converted/revision-" + id + ".csv");
            expected.add("comment.file=converted/comment-" + id + ".txt");
        }
        assertEquals(expected, new TreeSet<>(released), "project 2's rows and the note (no cascade) are not read");
        assertEquals(expected.size(), released.size(), "each row is read once");
    }

    /** A tree: the database deletes a folder's descendants, which the entity's own table holds. */
    @Test
    void aTableThatReferencesItselfIsFollowedDownTheTree() throws SQLException {
        List<DatabaseCascades.Table> folder = List.of(new DatabaseCascades.Table("folder", List.of("id")));
        DatabaseCascades cascades = cascades();
        assertEquals(folder, cascades.cascading("folder", null, states(folder)));
        cascades.read(connection, folder, folder.get(0), List.of(1L), DatabaseCascadesTest::bindLong,
                (column, value) -> released.add(value));
        assertEquals(List.of("converted/folder-2", "converted/folder-3"), released);
    }

    /** The walk finds the parents' own foreign keys in their schema, not in a table of the same name elsewhere. */
    @Test
    void parentsInAnotherSchemaAreFollowedThere() throws SQLException {
        List<DatabaseCascades.Table> box = List.of(new DatabaseCascades.Table("archive.box", List.of("id")));
        DatabaseCascades cascades = cascades();
        assertEquals(box, cascades.cascading("box", null, states(box)));
        cascades.read(connection, box, box.get(0), List.of(1L), DatabaseCascadesTest::bindLong,
                (column, value) -> released.add(value));
        assertEquals(List.of("converted/item.txt"), released);
    }

    private static int bindLong(PreparedStatement statement, int index, Object id) throws SQLException {
        statement.setLong(index, (Long) id);
        return index + 1;
    }

    /** The foreign key names the parent's columns in another order than the parent's key. */
    @Test
    void aCompositeKeyIsMatchedColumnByColumn() throws SQLException {
        List<DatabaseCascades.Table> pair = List.of(new DatabaseCascades.Table("pair", List.of("a", "b")));
        DatabaseCascades cascades = cascades();
        assertEquals(pair, cascades.cascading("pair", null, states(pair)));
        cascades.read(connection, pair, pair.get(0), List.of(new int[] {1, 2}),
                (statement, index, key) -> {
                    statement.setInt(index, ((int[]) key)[0]);
                    statement.setInt(index + 1, ((int[]) key)[1]);
                    return index + 2;
                }, (column, value) -> released.add(value));
        assertEquals(List.of("converted/pair-1-2.txt"), released);
    }

    @Test
    void tablesThatNoCascadeLeavesCostNoReadAndUnreadableMetadataFollowsNothing() throws SQLException {
        List<DatabaseCascades.Table> sheetOwnTables = List.of(new DatabaseCascades.Table("revision", List.of("id")));
        assertEquals(List.of(), cascades().cascading("revision", null, states(sheetOwnTables)));
        Connection closed = DriverManager.getConnection("jdbc:h2:mem:cascades", "sa", "");
        closed.close();
        DatabaseCascades unreadable = cascades();
        List<DatabaseCascades.Table> project = List.of(new DatabaseCascades.Table("project", List.of("id")));
        assertEquals(List.of(), unreadable.cascading("project", null, states(project, closed)));
        assertTrue(released.isEmpty());
    }

    private EntityStates states(List<DatabaseCascades.Table> tables) {
        return states(tables, connection);
    }

    /** The tables of one persister, and the session's connection. */
    private static EntityStates states(List<DatabaseCascades.Table> tables, Connection connection) {
        return new FakeStates() {
            @Override
            public Connection connection(Object session) {
                return connection;
            }

            @Override
            public List<DatabaseCascades.Table> tables(Object persister) {
                return tables;
            }
        };
    }
}
