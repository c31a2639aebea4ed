package dev.filecleanup.hibernate.v5_6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkHqlTest {

    @Test
    void aDeleteBecomesASelectWithTheSameRestriction() {
        BulkHql delete = BulkHql.parse("delete from Document d where d.title = :title and d.code in (:codes)");
        assertEquals(new BulkHql(false, "Document", "d", List.of(), "d.title = :title and d.code in (:codes)"),
                delete);
        List<String> parameters = new ArrayList<>();
        assertEquals("select d.filePath, d.id from Document d where d.title = :title and d.code in (:codes)",
                delete.select("Document", List.of("filePath", "id"),
                        (name, ordinal) -> parameters.add(name + "/" + ordinal)));
        assertEquals(List.of("title/null", "codes/null"), parameters);
    }

    @Test
    void everyFormOfTheHeadIsRead() {
        assertEquals("Document", BulkHql.parse("DELETE Document").entity());
        assertNull(BulkHql.parse("delete Document").where());
        assertEquals("x", BulkHql.parse("delete from com.example.Document as x").alias());
        assertNull(BulkHql.parse("delete from Document where title = 'a'").alias());
        // 5.6 renders a Criteria delete this way.
        assertEquals("generatedAlias0", BulkHql.parse("delete Document as generatedAlias0 where "
                + "generatedAlias0.title=:param0").alias());
        assertNull(BulkHql.parse("select d from Document d"));
        assertNull(BulkHql.parse("insert into Document (title) select t.name from Tag t"));
    }

    @Test
    void anUpdateNamesWhatItAssignsAtTheTopLevelOnly() {
        BulkHql update = BulkHql.parse("update versioned Document d set d.filePath = concat('a, where', d.title), "
                + "d.attachment = (select max(x.y) from X x where x.z = d.code), title = ?1 where d.code = ?2");
        assertEquals(List.of("filePath", "attachment", "title"), update.assigned());
        assertEquals("d.code = ?2", update.where());
        List<String> parameters = new ArrayList<>();
        assertEquals("select d.filePath from Document d where d.code = :fileCleanupOrdinal2",
                update.select("Document", List.of("filePath"),
                        (name, ordinal) -> parameters.add(name + "/" + ordinal)));
        assertEquals(List.of("fileCleanupOrdinal2/2"), parameters);
    }

    @Test
    void stringLiteralsHideTheirWordsAndQuotes() {
        BulkHql delete = BulkHql.parse("delete Document d where d.title = 'it''s where ?1 is' or d.code = ?1");
        assertEquals("d.title = 'it''s where ?1 is' or d.code = ?1", delete.where());
        assertEquals("select d.filePath from Document d where d.title = 'it''s where ?1 is' or d.code = "
                + ":fileCleanupOrdinal1", delete.select("Document", List.of("filePath"), (name, ordinal) -> { }));
    }
}
