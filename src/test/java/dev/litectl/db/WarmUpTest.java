package dev.litectl.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up warm-up: started any number of times, then opens wait for it and work as without it. */
class WarmUpTest {
    @TempDir
    Path dir;

    @Test
    void opensAfterAWarmUpWaitForItAndWork() throws SQLException {
        Database.warmUp();
        Database.warmUp(); // a second start is a no-op, not a second thread
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (Database db = Database.open(dir.resolve("a.db"))) {
                db.execute("CREATE TABLE t (x)");
                db.execute("INSERT INTO t VALUES (1)");
            }
            try (Database db = Database.openInMemory()) {
                db.execute("CREATE TABLE t (x)");
            }
        });
        try (Database db = Database.open(dir.resolve("a.db"));
             Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }
}
