package dev.litectl.cli;

import dev.litectl.stress.BusyStats;
import dev.litectl.stress.LostWrite;
import dev.litectl.stress.OperationStats;
import dev.litectl.stress.ProcessStats;
import dev.litectl.stress.StressOptions;
import dev.litectl.stress.StressRun;
import dev.litectl.stress.Verification;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The stress-test report, as text or as JSON (the shape is documented in README.md, section stress). */
final class StressReport {
    private static final int LISTED_IN_TEXT = 20;

    private StressReport() {}

    /** Prints the report and returns the exit code: 0 when verified with no failed operation, else 1. */
    static int print(StressRun run, Verification v, boolean json, PrintWriter out) {
        boolean ok = v.passed() && run.failed() == 0;
        if (json) {
            out.println(Json.write(toJson(run, v)));
        } else {
            text(run, v, out);
        }
        out.flush();
        return ok ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static void text(StressRun run, Verification v, PrintWriter out) {
        StressOptions o = run.options();
        out.printf(Locale.ROOT, "stress-test: %s workload through %s, %s s, %s x (%s + %s), seed %d%n",
                o.workload().label(), o.layer() == dev.litectl.stress.StressLayer.STORE ? "the store API" : "plain JDBC", num(o.durationMillis() / 1000.0), plural(o.processes(), "process", "processes"),
                plural(o.writers(), "writer", "writers"), plural(o.readers(), "reader", "readers"), o.seed());
        out.printf("database: %s (%s, journal mode %s)%n", run.database(), describe(run), run.journalMode());
        out.println();
        TextTable t = new TextTable("OPERATION", "KIND", "COUNT", "FAILED", "OPS/S", "P50 MS", "P95 MS", "P99 MS", "P99.9 MS", "MAX MS");
        for (OperationStats s : run.operations()) {
            t.row(s.name(), s.write() ? "write" : "read", s.count(), s.failed(), String.format(Locale.ROOT, "%.1f", s.opsPerSecond()),
                    num(s.p50Ms()), num(s.p95Ms()), num(s.p99Ms()), num(s.p999Ms()), num(s.maxMs()));
        }
        t.print(out);
        out.println();
        out.printf(Locale.ROOT, "writes: %d (%.1f/s)   reads: %d (%.1f/s)   failed: %d%n", run.writes(), run.writes() / run.seconds(),
                run.reads(), run.reads() / run.seconds(), run.failed());
        if (run.processes().size() > 1) {
            StringBuilder sb = new StringBuilder("per process (writes/reads):");
            for (ProcessStats p : run.processes()) {
                sb.append(p.index() == 0 ? " " : ", ").append('#').append(p.index()).append(' ').append(p.writes()).append('/').append(p.reads());
            }
            out.println(sb);
        }
        BusyStats b = run.busy();
        out.printf("busy: %d events, %d retries, %d past the busy timeout%n", b.events(), b.retries(), b.gaveUp());
        for (String e : run.errors()) {
            out.println("error: " + e);
        }
        out.println(v.integrityOk() ? "integrity ok" : "integrity FAILED: " + v.integrity());
        if (v.lostCount() == 0) {
            out.printf("lost writes: 0 (%d acknowledged writes read back)%n", v.acknowledged());
        } else {
            out.printf("lost writes: %d of %d acknowledged%n", v.lostCount(), v.acknowledged());
            for (LostWrite l : v.lost().subList(0, Math.min(LISTED_IN_TEXT, v.lost().size()))) {
                out.printf("  %s %s: %s%n", l.table(), l.key(), l.problem());
            }
            if (v.lostCount() > LISTED_IN_TEXT) {
                out.printf("  ... and %d more (--format json lists up to 1000)%n", v.lostCount() - LISTED_IN_TEXT);
            }
        }
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String describe(StressRun run) {
        StressOptions o = run.options();
        if (o.source() == null) {
            return "temporary, built-in schema, deleted after the run";
        }
        return o.inPlace() ? "in place" : "temporary copy of " + o.source() + ", deleted after the run";
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.3f", d);
    }

    static Map<String, Object> toJson(StressRun run, Verification v) {
        StressOptions o = run.options();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("workload", o.workload().label());
        root.put("layer", o.layer().label());
        root.put("duration_s", o.durationMillis() / 1000.0);
        root.put("writers", o.writers());
        root.put("readers", o.readers());
        root.put("processes", o.processes());
        root.put("seed", o.seed());
        root.put("busy_timeout_ms", o.busyTimeoutMs());
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("path", run.database().toString());
        db.put("source", o.source() == null ? null : o.source().toString());
        db.put("mode", o.source() == null ? "temporary" : o.inPlace() ? "in_place" : "copy");
        db.put("journal_mode", run.journalMode());
        root.put("database", db);
        root.put("elapsed_s", run.seconds());
        List<Map<String, Object>> ops = new ArrayList<>();
        for (OperationStats s : run.operations()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("kind", s.write() ? "write" : "read");
            m.put("count", s.count());
            m.put("failed", s.failed());
            m.put("ops_per_s", Math.round(s.opsPerSecond() * 10) / 10.0);
            Map<String, Object> lat = new LinkedHashMap<>();
            lat.put("p50", s.p50Ms());
            lat.put("p95", s.p95Ms());
            lat.put("p99", s.p99Ms());
            lat.put("p99_9", s.p999Ms());
            lat.put("max", s.maxMs());
            m.put("latency_ms", lat);
            ops.add(m);
        }
        root.put("operations", ops);
        List<Map<String, Object>> procs = new ArrayList<>();
        for (ProcessStats p : run.processes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", p.index());
            m.put("writes", p.writes());
            m.put("reads", p.reads());
            m.put("failed", p.failed());
            m.put("acknowledged_writes", p.acknowledged());
            procs.add(m);
        }
        root.put("per_process", procs);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("writes", run.writes());
        totals.put("reads", run.reads());
        totals.put("failed", run.failed());
        totals.put("writes_per_s", Math.round(run.writes() / run.seconds() * 10) / 10.0);
        totals.put("reads_per_s", Math.round(run.reads() / run.seconds() * 10) / 10.0);
        root.put("totals", totals);
        Map<String, Object> busy = new LinkedHashMap<>();
        busy.put("events", run.busy().events());
        busy.put("retries", run.busy().retries());
        busy.put("past_timeout", run.busy().gaveUp());
        root.put("busy", busy);
        root.put("errors", run.errors());
        Map<String, Object> ver = new LinkedHashMap<>();
        ver.put("integrity", v.integrity());
        ver.put("integrity_ok", v.integrityOk());
        ver.put("acknowledged_writes", v.acknowledged());
        ver.put("lost_writes", v.lostCount());
        List<Map<String, Object>> lost = new ArrayList<>();
        for (LostWrite l : v.lost()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", l.table());
            m.put("key", l.key());
            m.put("problem", l.problem());
            lost.add(m);
        }
        ver.put("lost", lost);
        root.put("verification", ver);
        root.put("passed", v.passed() && run.failed() == 0);
        return root;
    }
}
