package dev.litectl.migrate;

import dev.litectl.db.Database;
import dev.litectl.db.SqliteErrors;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies, rolls back and reports migrations on one database. Each migration and its history row commit in
 * one {@code BEGIN IMMEDIATE} transaction that re-reads the history first, so concurrent migrators apply each
 * migration once and a crash leaves the previous version. Foreign keys are off during a migration (unless its
 * marker says {@code foreign-keys on}) and checked before commit. Failures throw {@link MigrationException}
 * (or {@link dev.litectl.db.DatabaseBusyException}) after rolling the failing migration back.
 */
public final class Migrator {
    private final Database db;
    private final MigrationSource source;
    private final HistoryTable history;
    private final SectionRunner runner;
    private List<MigrationFile> migrations;

    public Migrator(Database db, MigrationSource source) {
        this.db = db;
        this.source = source;
        this.history = new HistoryTable(db);
        this.runner = new SectionRunner(db);
    }

    /** The migrations of the source, loaded and validated once. */
    public List<MigrationFile> migrations() {
        if (migrations == null) {
            migrations = source.load();
        }
        return migrations;
    }

    public MigrationSource source() {
        return source;
    }

    /** Every migration from the files and the history, in version order, with its state. Reads only. */
    public StatusResult status() {
        try {
            Map<Long, AppliedMigration> applied = new LinkedHashMap<>();
            for (AppliedMigration a : history.list()) {
                applied.put(a.version(), a);
            }
            Map<Long, MigrationStatus> rows = new TreeMap<>();
            for (MigrationFile m : migrations()) {
                AppliedMigration a = applied.get(m.version());
                if (a == null) {
                    rows.put(m.version(), new MigrationStatus(m.version(), m.name(), MigrationState.PENDING, null, null, m.source(), m.hasDown()));
                } else {
                    MigrationState st = a.checksum().equals(m.checksum()) ? MigrationState.APPLIED : MigrationState.MODIFIED;
                    rows.put(m.version(), new MigrationStatus(m.version(), m.name(), st, a.appliedAt(), a.durationMs(), m.source(), a.downSql() != null));
                }
            }
            for (AppliedMigration a : applied.values()) {
                rows.computeIfAbsent(a.version(), v -> new MigrationStatus(v, a.name(), MigrationState.MISSING,
                        a.appliedAt(), a.durationMs(), null, a.downSql() != null));
            }
            long version = history.currentVersion();
            long userVersion = db.queryLong("PRAGMA user_version");
            return new StatusResult(version, userVersion, List.copyOf(rows.values()));
        } catch (SQLException e) {
            throw SqliteErrors.translate("cannot read migration history of " + db.path(), e);
        }
    }

    /** Applies every pending migration. */
    public MigrateResult migrate() {
        return migrate(MigrateOptions.all());
    }

    /** Applies pending migrations up to {@code options.targetVersion()}, in version order; see the class contract. */
    public MigrateResult migrate(MigrateOptions options) {
        StatusResult status = status();
        List<String> warnings = new ArrayList<>();
        for (MigrationStatus s : status.migrations()) {
            if (s.state() == MigrationState.MODIFIED) {
                throw new MigrationException("migration " + s.version() + "-" + s.name() + " (" + s.source()
                        + ") was changed after it was applied; restore the file, or roll the migration back first");
            }
            if (s.state() == MigrationState.MISSING) {
                warnings.add("migration " + s.version() + "-" + s.name() + " is applied but has no file");
            }
        }
        Set<Long> pendingVersions = new HashSet<>();
        status.migrations().stream().filter(s -> s.state() == MigrationState.PENDING).forEach(s -> pendingVersions.add(s.version()));
        List<MigrationFile> pending = new ArrayList<>();
        for (MigrationFile m : migrations()) {
            if (pendingVersions.contains(m.version()) && (options.targetVersion() == null || m.version() <= options.targetVersion())) {
                pending.add(m);
            }
        }
        if (options.dryRun()) {
            return new MigrateResult(status.version(), status.version(), dryRun(pending), true, warnings);
        }
        if (!pending.isEmpty() && options.beforeFirstChange() != null) {
            options.beforeFirstChange().run();
        }
        List<AppliedStep> applied = new ArrayList<>();
        try {
            for (MigrationFile m : pending) {
                AppliedStep step = apply(m, null);
                if (step != null) {
                    applied.add(step);
                }
            }
            return new MigrateResult(status.version(), history.currentVersion(), applied, false, warnings);
        } catch (SQLException e) {
            throw SqliteErrors.translate("migrate " + db.path(), e);
        }
    }

    private AppliedStep apply(MigrationFile m, List<String> baseline) throws SQLException {
        Section up = m.up();
        boolean manageFk = !up.foreignKeysOn() && runner.foreignKeysOn();
        if (manageFk) {
            runner.setForeignKeys(false);
        }
        try {
            long start = System.nanoTime();
            if (up.noTransaction()) {
                return applyWithoutTransaction(m, start);
            }
            db.execute("BEGIN IMMEDIATE");
            boolean done = false;
            try {
                history.create();
                if (history.isApplied(m.version())) {
                    return null; // another process applied it while this one waited for the lock
                }
                runner.run(up, m.source());
                if (!up.foreignKeysOn()) {
                    List<String> violations = runner.foreignKeyViolations();
                    if (baseline != null) {
                        violations.removeAll(baseline);
                    }
                    if (!violations.isEmpty()) {
                        db.rollbackQuietly();
                        done = true;
                        List<String> before = baseline == null ? runner.foreignKeyViolations() : baseline;
                        if (baseline == null && !before.isEmpty()) {
                            return apply(m, before); // the violations may have been there before: compare with them
                        }
                        throw new MigrationException(m.source() + ": leaves " + SectionRunner.describe(violations)
                                + "; the migration was rolled back");
                    }
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                history.insert(m, now(), ms);
                history.syncUserVersion();
                db.execute("COMMIT");
                done = true;
                return new AppliedStep(m.version(), m.name(), ms, "");
            } finally {
                if (!done) {
                    db.rollbackQuietly();
                }
            }
        } finally {
            if (manageFk) {
                runner.setForeignKeys(true);
            }
        }
    }

    private AppliedStep applyWithoutTransaction(MigrationFile m, long start) throws SQLException {
        runner.run(m.up(), m.source());
        if (!m.up().foreignKeysOn()) {
            List<String> violations = runner.foreignKeyViolations();
            if (!violations.isEmpty()) {
                throw new MigrationException(m.source() + ": leaves " + SectionRunner.describe(violations)
                        + "; it ran without a transaction (no-transaction), so its changes could not be rolled back");
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        return db.writeTransaction(d -> {
            history.create();
            if (history.isApplied(m.version())) {
                return null;
            }
            history.insert(m, now(), ms);
            history.syncUserVersion();
            return new AppliedStep(m.version(), m.name(), ms, "no-transaction");
        });
    }

    private List<AppliedStep> dryRun(List<MigrationFile> pending) {
        List<AppliedStep> steps = new ArrayList<>();
        if (pending.isEmpty()) {
            return steps;
        }
        try {
            boolean manageFk = runner.foreignKeysOn();
            if (manageFk) {
                runner.setForeignKeys(false);
            }
            try {
                List<String> baseline = runner.foreignKeyViolations();
                db.execute("BEGIN IMMEDIATE");
                try {
                    history.create();
                    for (MigrationFile m : pending) {
                        if (m.up().noTransaction()) {
                            steps.add(new AppliedStep(m.version(), m.name(), 0, "not run: no-transaction migrations cannot be tried in a transaction"));
                            continue;
                        }
                        long start = System.nanoTime();
                        if (m.up().foreignKeysOn()) {
                            runner.setForeignKeys(true);
                        }
                        runner.run(m.up(), m.source());
                        List<String> violations = runner.foreignKeyViolations();
                        violations.removeAll(baseline);
                        if (!violations.isEmpty()) {
                            throw new MigrationException(m.source() + ": would leave " + SectionRunner.describe(violations));
                        }
                        steps.add(new AppliedStep(m.version(), m.name(), (System.nanoTime() - start) / 1_000_000, "ok (rolled back)"));
                    }
                } finally {
                    db.rollbackQuietly();
                }
            } finally {
                if (manageFk) {
                    runner.setForeignKeys(true);
                }
            }
            return steps;
        } catch (SQLException e) {
            throw SqliteErrors.translate("migrate --dry-run " + db.path(), e);
        }
    }

    /** Undoes the newest migrations with their stored down SQL; refuses before undoing anything if one has none. */
    public RollbackResult rollback(RollbackOptions options) {
        try {
            List<AppliedMigration> applied = new ArrayList<>(history.list());
            Collections.reverse(applied);
            long from = applied.isEmpty() ? 0 : applied.get(0).version();
            if (applied.isEmpty()) {
                throw new MigrationException("cannot roll back: no migrations have been applied");
            }
            List<AppliedMigration> undo = new ArrayList<>();
            for (AppliedMigration a : applied) {
                boolean take = options.toVersion() != null ? a.version() > options.toVersion() : undo.size() < options.steps();
                if (take) {
                    undo.add(a);
                }
            }
            for (AppliedMigration a : undo) {
                if (a.downSql() == null) {
                    throw new MigrationException("cannot roll back " + a.label() + ": it has no down section; nothing was rolled back");
                }
            }
            List<AppliedStep> steps = new ArrayList<>();
            if (options.dryRun()) {
                steps.addAll(dryRunRollback(undo));
                return new RollbackResult(from, from, steps, true);
            }
            for (AppliedMigration a : undo) {
                AppliedStep s = undoOne(a);
                if (s != null) {
                    steps.add(s);
                }
            }
            return new RollbackResult(from, history.currentVersion(), steps, false);
        } catch (SQLException e) {
            throw SqliteErrors.translate("rollback " + db.path(), e);
        }
    }

    private AppliedStep undoOne(AppliedMigration a) throws SQLException {
        Section down = Section.stored(a.downSql(), a.downOptions());
        String src = "down section of " + a.label();
        boolean manageFk = !down.foreignKeysOn() && runner.foreignKeysOn();
        if (manageFk) {
            runner.setForeignKeys(false);
        }
        try {
            long start = System.nanoTime();
            if (down.noTransaction()) {
                runner.run(down, src);
                return db.writeTransaction(d -> {
                    history.delete(a.version());
                    history.syncUserVersion();
                    return new AppliedStep(a.version(), a.name(), (System.nanoTime() - start) / 1_000_000, "no-transaction");
                });
            }
            List<String> baseline = down.foreignKeysOn() ? List.of() : runner.foreignKeyViolations();
            return db.writeTransaction(d -> {
                if (!history.isApplied(a.version())) {
                    return null;
                }
                runner.run(down, src);
                if (!down.foreignKeysOn()) {
                    List<String> violations = runner.foreignKeyViolations();
                    violations.removeAll(baseline);
                    if (!violations.isEmpty()) {
                        throw new MigrationException(src + ": leaves " + SectionRunner.describe(violations) + "; rolled back");
                    }
                }
                history.delete(a.version());
                history.syncUserVersion();
                return new AppliedStep(a.version(), a.name(), (System.nanoTime() - start) / 1_000_000, "");
            });
        } finally {
            if (manageFk) {
                runner.setForeignKeys(true);
            }
        }
    }

    private List<AppliedStep> dryRunRollback(List<AppliedMigration> undo) throws SQLException {
        List<AppliedStep> steps = new ArrayList<>();
        db.execute("BEGIN IMMEDIATE");
        try {
            for (AppliedMigration a : undo) {
                Section down = Section.stored(a.downSql(), a.downOptions());
                if (down.noTransaction()) {
                    steps.add(new AppliedStep(a.version(), a.name(), 0, "not run: no-transaction"));
                    continue;
                }
                long start = System.nanoTime();
                runner.run(down, "down section of " + a.label());
                steps.add(new AppliedStep(a.version(), a.name(), (System.nanoTime() - start) / 1_000_000, "ok (rolled back)"));
            }
        } finally {
            db.rollbackQuietly();
        }
        return steps;
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
