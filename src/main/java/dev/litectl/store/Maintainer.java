package dev.litectl.store;

import dev.litectl.db.Database;
import dev.litectl.db.SqliteErrors;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upkeep of a database with the built-in agent schema, for a cron line: purge expired cache entries, move (or
 * delete) telemetry and audit rows older than the retention, {@code PRAGMA optimize}, incremental vacuum.
 * Each step runs in its own transaction and never throws: a failed step is reported, rolled back, and the
 * steps after it still run. Running it again right away changes nothing.
 */
public final class Maintainer {
    private static final String TELEMETRY_COLUMNS = "id, timestamp, event_type, query, response_time_ms, tokens_used, success, session_id, metadata";
    private static final String AUDIT_COLUMNS = "id, timestamp, agent_id, operation, status, target, session_id, duration_ms, error_message, context_json";

    private final Database db;

    public Maintainer(Database db) {
        this.db = db;
    }

    /** Runs every step in order and reports each. */
    public MaintainResult run(MaintainOptions options) {
        String cutoff;
        try {
            cutoff = db.queryString("SELECT strftime('%Y-%m-%d %H:%M:%f', 'now', '-" + options.retainDays() + " days')");
        } catch (SQLException e) {
            throw SqliteErrors.translate("cannot maintain " + db.path(), e);
        }
        List<MaintainStep> steps = new ArrayList<>();
        steps.add(purgeCache());
        steps.add(archive("telemetry", "telemetry_archive", TELEMETRY_COLUMNS, cutoff, options.delete()));
        steps.add(archive("audit_log", "audit_log_archive", AUDIT_COLUMNS, cutoff, options.delete()));
        steps.add(optimize());
        steps.add(incrementalVacuum());
        return new MaintainResult(cutoff, steps);
    }

    /** Deletes every cache entry whose expires_at has passed. */
    public MaintainStep purgeCache() {
        return step("purge-cache", () -> {
            int n = db.writeTransaction(d -> update(d, "DELETE FROM cache WHERE expires_at IS NOT NULL AND expires_at <= " + Timestamps.NOW));
            return new Outcome(n + " expired cache entr" + (n == 1 ? "y" : "ies") + " deleted", details("deleted", n));
        });
    }

    /**
     * Moves rows of {@code table} with {@code timestamp < cutoff} into {@code archive} (or deletes them when
     * {@code delete}), in one transaction.
     */
    private MaintainStep archive(String table, String archive, String columns, String cutoff, boolean delete) {
        String name = (delete ? "delete-" : "archive-") + table.replace('_', '-');
        return step(name, () -> db.writeTransaction(d -> {
            int moved = 0;
            if (!delete) {
                moved = update(d, "INSERT INTO " + archive + " (" + columns + ") SELECT " + columns + " FROM " + table
                        + " WHERE timestamp < ?", cutoff);
            }
            int deleted = update(d, "DELETE FROM " + table + " WHERE timestamp < ?", cutoff);
            if (!delete && moved != deleted) {
                throw new SQLException("copied " + moved + " rows but deleted " + deleted);
            }
            long kept = d.queryLong("SELECT count(*) FROM " + table);
            Map<String, Object> details = delete ? details("deleted", deleted, "kept", kept) : details("archived", moved, "kept", kept);
            String verb = delete ? " deleted" : " moved to " + archive;
            return new Outcome(deleted + " " + table + " row" + (deleted == 1 ? "" : "s") + " older than " + cutoff + verb
                    + ", " + kept + " kept", details);
        }));
    }

    /** {@code PRAGMA optimize}: lets SQLite refresh the statistics its query planner needs. */
    public MaintainStep optimize() {
        return step("optimize", () -> {
            db.execute("PRAGMA optimize");
            return new Outcome("PRAGMA optimize done", new LinkedHashMap<>());
        });
    }

    /**
     * {@code PRAGMA incremental_vacuum}: returns free pages to the file system when the database has
     * {@code auto_vacuum=incremental} (every database litectl creates); otherwise the step is skipped and
     * says why and how to switch (an existing database's mode is never changed here: that takes a full VACUUM).
     */
    public MaintainStep incrementalVacuum() {
        return step("incremental-vacuum", () -> {
            long mode = db.queryLong("PRAGMA auto_vacuum");
            long pageSize = db.queryLong("PRAGMA page_size");
            long before = db.queryLong("PRAGMA freelist_count");
            String modeName = mode == 2 ? "incremental" : mode == 1 ? "full" : "none";
            if (mode != 2) {
                return new Outcome("skipped: auto_vacuum is " + modeName + ", not incremental (" + before + " free pages, which"
                        + " 'litectl vacuum' reclaims; to switch: PRAGMA auto_vacuum = INCREMENTAL, then 'litectl vacuum')",
                        details("auto_vacuum", modeName, "free_pages_before", before, "pages_freed", 0, "bytes_freed", 0));
            }
            // the pragma frees one page per step of its statement, and JDBC steps it once per execute:
            // run it until the free list is empty, in one transaction so it commits once
            db.writeTransaction(d -> {
                try (var ps = d.connection().prepareStatement("PRAGMA incremental_vacuum")) {
                    long left = before;
                    while (left > 0) {
                        ps.execute();
                        long now = d.queryLong("PRAGMA freelist_count");
                        if (now >= left) {
                            break;
                        }
                        left = now;
                    }
                }
                return null;
            });
            long after = db.queryLong("PRAGMA freelist_count");
            long freed = before - after;
            return new Outcome(freed + " free page" + (freed == 1 ? "" : "s") + " returned (" + freed * pageSize + " bytes)",
                    details("auto_vacuum", modeName, "free_pages_before", before, "pages_freed", freed, "bytes_freed", freed * pageSize));
        });
    }

    private static int update(Database d, String sql, Object... params) throws SQLException {
        try (var ps = d.connection().prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static Map<String, Object> details(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private record Outcome(String summary, Map<String, Object> details) {}

    @FunctionalInterface
    private interface StepWork {
        Outcome run() throws SQLException;
    }

    private MaintainStep step(String name, StepWork work) {
        long start = System.nanoTime();
        try {
            Outcome o = work.run();
            return MaintainStep.succeeded(name, o.summary(), o.details(), (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            return MaintainStep.failed(name, SqliteErrors.translate(name, e).getMessage(), (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            return MaintainStep.failed(name, name + ": " + e.getMessage(), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
