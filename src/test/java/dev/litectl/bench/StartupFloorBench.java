package dev.litectl.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.sqlite.JDBC;

/**
 * The floor for litectl's start-up (scripts/bench startup): a plain Java program that opens a database with
 * sqlite-jdbc, counts the rows of a table and prints the count. No command line, no warm-up thread, no
 * litectl code; run with the launcher's JVM options and its own class-data archive.
 */
public final class StartupFloorBench {
    private StartupFloorBench() {}

    public static void main(String[] args) throws SQLException {
        try (Connection c = JDBC.createConnection("jdbc:sqlite:" + args[0], new Properties());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + args[1])) {
            rs.next();
            System.out.println(rs.getLong(1));
        }
    }
}
