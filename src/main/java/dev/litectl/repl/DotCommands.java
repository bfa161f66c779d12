package dev.litectl.repl;

import dev.litectl.db.LitectlException;
import dev.litectl.migrate.MigrationStatus;
import dev.litectl.migrate.Migrator;
import dev.litectl.migrate.StatusResult;
import dev.litectl.query.OutputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The REPL's dot-commands: the ones sqlite3 users type without thinking, and litectl's own. */
final class DotCommands {
    static final List<String> NAMES = List.of(".tables", ".schema", ".indexes", ".mode", ".headers", ".timer",
            ".read", ".output", ".once", ".migrations", ".info", ".help", ".quit", ".exit");
    private static final String[][] HELP = {
        {".tables [PATTERN]", "list tables and views (LIKE pattern)"},
        {".schema [TABLE]", "show the CREATE statements (of one table and its indexes and triggers)"},
        {".indexes [TABLE]", "list indexes"},
        {".mode FMT", "output format: table, box, csv, tsv, json, jsonl, markdown, line"},
        {".headers on|off", "print column names"},
        {".timer on|off", "print how long each statement took"},
        {".read FILE", "run the SQL in FILE"},
        {".output [FILE]", "send results to FILE (no FILE: back to the terminal)"},
        {".once FILE", "send the next statement's results to FILE"},
        {".migrations", "migration status (version, name, state, applied at)"},
        {".info", "file, page size, journal mode, schema version, tables with row counts"},
        {".help", "this list"},
        {".quit, .exit", "leave (Ctrl-D also does)"},
    };
    private final Repl repl;

    DotCommands(Repl repl) {
        this.repl = repl;
    }

    void run(String line) {
        List<String> args = new ArrayList<>(Arrays.asList(line.strip().split("\\s+")));
        String name = args.remove(0).toLowerCase(Locale.ROOT);
        try {
            switch (name) {
                case ".tables" -> tables(args);
                case ".schema" -> schema(args);
                case ".indexes", ".indices" -> indexes(args);
                case ".mode" -> mode(args);
                case ".headers" -> repl.headers = onOff(name, args);
                case ".timer" -> repl.timer = onOff(name, args);
                case ".read" -> read(args);
                case ".output" -> output(args, false);
                case ".once" -> output(args, true);
                case ".migrations" -> migrations();
                case ".info" -> new InfoCommand(repl).run();
                case ".help" -> help();
                case ".quit", ".exit" -> repl.quit = true;
                default -> repl.error("unknown command " + name + " (see .help)");
            }
        } catch (LitectlException e) {
            repl.error(e.getMessage());
        } catch (SQLException e) {
            repl.error(name + ": " + e.getMessage());
        }
    }

    private static String arg(List<String> args, String usage) {
        if (args.size() != 1) {
            throw new LitectlException("usage: " + usage);
        }
        return unquote(args.get(0));
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private boolean onOff(String name, List<String> args) {
        return switch (arg(args, name + " on|off").toLowerCase(Locale.ROOT)) {
            case "on", "yes", "1" -> true;
            case "off", "no", "0" -> false;
            default -> throw new LitectlException("usage: " + name + " on|off");
        };
    }

    private void mode(List<String> args) {
        String f = arg(args, ".mode table|box|csv|tsv|json|jsonl|markdown|line");
        for (OutputFormat fmt : OutputFormat.values()) {
            if (fmt.label().equalsIgnoreCase(f)) {
                repl.format = fmt;
                return;
            }
        }
        throw new LitectlException("unknown format " + f + " (use table, box, csv, tsv, json, jsonl, markdown or line)");
    }

    private void tables(List<String> args) throws SQLException {
        String pattern = args.isEmpty() ? "%" : unquote(args.get(0));
        for (String t : names("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name LIKE ? "
                + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name", pattern)) {
            repl.print(t);
        }
    }

    private void schema(List<String> args) throws SQLException {
        List<String> out = args.isEmpty()
                ? names("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid")
                : names("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND tbl_name LIKE ? ORDER BY rowid",
                        unquote(args.get(0)));
        for (String s : out) {
            repl.print(s + ";");
        }
    }

    private void indexes(List<String> args) throws SQLException {
        String pattern = args.isEmpty() ? "%" : unquote(args.get(0));
        for (String s : names("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name LIKE ? ORDER BY name", pattern)) {
            repl.print(s);
        }
    }

    private List<String> names(String sql, String... params) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = repl.db.connection().prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private void read(List<String> args) {
        String file = arg(args, ".read FILE");
        String sql;
        try {
            sql = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LitectlException("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new LitectlException("cannot read " + file + ": " + e.getMessage());
        }
        repl.runSql(sql, file);
    }

    private void output(List<String> args, boolean once) {
        repl.endRedirect();
        if (args.isEmpty() && !once) {
            return;
        }
        String file = arg(args, once ? ".once FILE" : ".output [FILE]");
        try {
            repl.redirect = Files.newOutputStream(Path.of(file));
            repl.redirectOnce = once;
        } catch (IOException e) {
            throw new LitectlException("cannot write " + file + ": " + e.getMessage());
        }
    }

    private void migrations() {
        StatusResult status = new Migrator(repl.db, repl.config.migrations()).status();
        List<Object[]> rows = new ArrayList<>();
        for (MigrationStatus m : status.migrations()) {
            rows.add(new Object[] {m.version(), m.name(), m.state().label(), m.appliedAt(), m.durationMs()});
        }
        repl.writer().write(new String[] {"version", "name", "state", "applied_at", "duration_ms"}, rows);
        repl.print("schema version " + status.version());
    }

    private void help() {
        int w = Arrays.stream(HELP).mapToInt(h -> h[0].length()).max().orElse(0);
        for (String[] h : HELP) {
            repl.print(h[0] + " ".repeat(w - h[0].length() + 2) + h[1]);
        }
        repl.print("SQL statements end with ';' and may span lines. Tab completes; Ctrl-C stops a running statement.");
    }
}
