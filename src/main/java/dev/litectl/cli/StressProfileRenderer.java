package dev.litectl.cli;

import dev.litectl.stress.ProfileCheck;
import dev.litectl.stress.ProfileResult;
import dev.litectl.stress.StressProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code stress-test --profile}: runs the profile engine and renders its table or JSON; exit 3 on a missed target. */
final class StressProfileRenderer {
    private final StressTestCommand command;

    StressProfileRenderer(StressTestCommand command) {
        this.command = command;
    }

    int run(double scale, boolean json) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw command.usage("--scale must be more than 0, not " + scale);
        }
        command.note("litectl: stress-test --profile: generating " + String.format(Locale.ROOT, "%,d", Math.round(1_000_000 * scale))
                + " telemetry rows, sessions and messages in a temporary database...");
        ProfileResult r = StressProfile.run(scale, command.seed);
        if (json) {
            command.printJson(toJson(r));
        } else {
            var out = command.out();
            out.printf(Locale.ROOT, "profile: %,d sessions, %,d messages, %,d telemetry rows over %d days (generated in %.1f s, one transaction)%n%n",
                    r.sessions(), r.messages(), r.telemetry(), 90, r.generateSeconds());
            TextTable t = new TextTable("OPERATION", "SAMPLES", "P50 MS", "P99 MS", "TARGET", "MET", "WHAT");
            for (ProfileCheck c : r.checks()) {
                t.row(c.name(), c.samples(), String.format(Locale.ROOT, "%.3f", c.p50Ms()), String.format(Locale.ROOT, "%.3f", c.p99Ms()),
                        "< " + fmt(c.targetMs()) + " ms", c.met() ? "yes" : "MISSED", c.description());
            }
            t.print(out);
            out.println();
            long missed = r.checks().stream().filter(c -> !c.met()).count();
            out.println(missed == 0 ? "all " + r.checks().size() + " targets met (p99 at or under the target)"
                    : missed + " of " + r.checks().size() + " targets missed (p99 over the target)");
        }
        return r.allMet() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    static Map<String, Object> toJson(ProfileResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scale", r.scale());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sessions", r.sessions());
        data.put("messages", r.messages());
        data.put("telemetry", r.telemetry());
        data.put("generate_s", Math.round(r.generateSeconds() * 1000) / 1000.0);
        root.put("data", data);
        List<Map<String, Object>> checks = new ArrayList<>();
        for (ProfileCheck c : r.checks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("description", c.description());
            m.put("samples", c.samples());
            m.put("p50_ms", c.p50Ms());
            m.put("p99_ms", c.p99Ms());
            m.put("target_ms", c.targetMs());
            m.put("target_source", c.targetSource());
            m.put("met", c.met());
            checks.add(m);
        }
        root.put("checks", checks);
        root.put("all_met", r.allMet());
        return root;
    }
}
