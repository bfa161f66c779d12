package dev.litectl.admin;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code sqlite3 .dbinfo} tells and more: file and WAL size, page size and counts, encoding, journal
 * mode, auto_vacuum, user_version, application_id, schema version, SQLite version, how many tables, indexes,
 * views and triggers, and every table and index with rows and bytes on disk ({@code sizesFromDbstat} false
 * when this SQLite has no {@code dbstat} table: then bytes are null).
 */
public record InfoResult(Path database, long fileBytes, long walBytes, long pageSize, long pageCount, long freePages,
                         String encoding, String journalMode, String autoVacuum, long userVersion, long applicationId,
                         long schemaVersion, String sqliteVersion, int tables, int indexes, int views, int triggers,
                         boolean sizesFromDbstat, List<InfoObject> objects) {}
