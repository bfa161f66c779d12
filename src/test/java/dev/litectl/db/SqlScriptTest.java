package dev.litectl.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
    @Test
    void splitsOnSemicolonsOutsideStringsAndComments() {
        List<SqlStatement> s = SqlScript.split("SELECT ';'; -- a; comment\nSELECT \"x;y\" /* ; */ FROM t;\n\nSELECT 3");
        assertEquals(3, s.size());
        assertEquals("SELECT ';';", s.get(0).sql());
        assertEquals(2, s.get(1).line());
        assertEquals("SELECT 3", s.get(2).sql());
        assertEquals(4, s.get(2).line());
    }

    @Test
    void triggerBodyEndsOnlyAfterEnd() {
        String sql = "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  INSERT INTO b VALUES (1);\n  UPDATE c SET x = 1;\nEND;\nSELECT 1;";
        List<SqlStatement> s = SqlScript.split(sql);
        assertEquals(2, s.size());
        assertTrue(s.get(0).sql().endsWith("END;"));
        assertEquals(5, s.get(1).line());
    }

    @Test
    void lineNumbersCountNewlinesInsideStringsAndBlockComments() {
        List<SqlStatement> s = SqlScript.split("/* one\ntwo */ SELECT 'a\nb';\nSELECT 2;", 10);
        assertEquals(11, s.get(0).line());
        assertEquals(13, s.get(1).line());
    }

    @Test
    void completeLikeSqlite3Complete() {
        assertTrue(SqlScript.isComplete("SELECT 1;"));
        assertFalse(SqlScript.isComplete("SELECT 1"));
        assertFalse(SqlScript.isComplete("SELECT ';"));
        assertFalse(SqlScript.isComplete("CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1;"));
        assertTrue(SqlScript.isComplete("CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END;"));
        assertTrue(SqlScript.isComplete("SELECT 1; -- trailing comment"));
    }

    @Test
    void leadingWordsIgnoresCase() {
        assertEquals("PRAGMA FOREIGN_KEYS", new SqlStatement("pragma foreign_keys = off;", 1).leadingWords(2));
    }
}
