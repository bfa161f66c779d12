package dev.litectl.cli;

import dev.litectl.admin.Info;
import dev.litectl.admin.InfoObject;
import dev.litectl.admin.InfoResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "info",
        description = "Describe the database: page size, pages, free pages, encoding, journal mode, user_version, WAL size, "
                + "and every table and index with rows and bytes on disk.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  litectl info",
            "  litectl info --format json | jq '.objects | sort_by(-.bytes) | .[0:5]'"
        })
final class InfoCommand extends LitectlCommand {
    @Override
    public Integer call() {
        boolean json = jsonReport();
        InfoResult r = Info.run(databasePath(), busyTimeoutMs());
        if (json) {
            printJson(toJson(r));
            return ExitCodes.OK;
        }
        TextTable h = new TextTable("", "");
        h.row("database", r.database());
        h.row("file size", r.fileBytes() + " bytes");
        h.row("wal size", r.walBytes() + " bytes");
        h.row("page size", r.pageSize());
        h.row("page count", r.pageCount());
        h.row("free pages", r.freePages());
        h.row("encoding", r.encoding());
        h.row("journal mode", r.journalMode());
        h.row("auto vacuum", r.autoVacuum());
        h.row("user version", r.userVersion());
        h.row("application id", r.applicationId());
        h.row("schema version", r.schemaVersion());
        h.row("sqlite version", r.sqliteVersion());
        h.row("objects", r.tables() + " tables, " + r.indexes() + " indexes, " + r.views() + " views, " + r.triggers() + " triggers");
        h.print(out());
        out().println();
        TextTable t = new TextTable("NAME", "TYPE", "TABLE", "ROWS", "BYTES", "PAGES");
        for (InfoObject o : r.objects()) {
            t.row(o.name(), o.type(), o.table(), o.rows(), o.bytes(), o.pages());
        }
        t.print(out());
        if (!r.sizesFromDbstat()) {
            note("litectl: info: this SQLite has no dbstat table; bytes and index entries are not shown");
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> toJson(InfoResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("database", r.database().toString());
        root.put("file_bytes", r.fileBytes());
        root.put("wal_bytes", r.walBytes());
        root.put("page_size", r.pageSize());
        root.put("page_count", r.pageCount());
        root.put("free_pages", r.freePages());
        root.put("encoding", r.encoding());
        root.put("journal_mode", r.journalMode());
        root.put("auto_vacuum", r.autoVacuum());
        root.put("user_version", r.userVersion());
        root.put("application_id", r.applicationId());
        root.put("schema_version", r.schemaVersion());
        root.put("sqlite_version", r.sqliteVersion());
        root.put("tables", r.tables());
        root.put("indexes", r.indexes());
        root.put("views", r.views());
        root.put("triggers", r.triggers());
        root.put("sizes_from_dbstat", r.sizesFromDbstat());
        List<Map<String, Object>> objects = new ArrayList<>();
        for (InfoObject o : r.objects()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", o.name());
            m.put("type", o.type());
            m.put("table", o.table());
            m.put("rows", o.rows());
            m.put("bytes", o.bytes());
            m.put("pages", o.pages());
            objects.add(m);
        }
        root.put("objects", objects);
        return root;
    }
}
