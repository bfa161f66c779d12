package dev.litectl.repl;

import dev.litectl.query.OutputFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completion that knows the schema: table and view names after FROM, JOIN, INTO, UPDATE, TABLE; the columns of
 * a table (or alias) after {@code name.}; otherwise keywords and the columns of the tables in the statement;
 * dot-commands and their arguments.
 */
final class SqlCompleter implements Completer {
    private final Schema schema;

    SqlCompleter(Schema schema) {
        this.schema = schema;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String before = line.line().substring(0, Math.min(line.cursor(), line.line().length()));
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        String statement = before.substring(before.lastIndexOf(';') + 1);
        List<String> words = words(statement.substring(0, statement.length() - word.length()));
        if (statement.stripLeading().startsWith(".")) {
            dotCommand(words, candidates);
            return;
        }
        boolean lower = !word.isEmpty() && word.equals(word.toLowerCase(Locale.ROOT));
        int dot = word.lastIndexOf('.');
        if (dot > 0) {
            String qualifier = word.substring(0, dot);
            String table = aliases(words(line.line())).getOrDefault(qualifier.toLowerCase(Locale.ROOT), qualifier);
            for (String c : schema.columns(table)) {
                candidates.add(new Candidate(qualifier + "." + c, c, null, null, null, null, true));
            }
            return;
        }
        String previous = words.isEmpty() ? "" : words.get(words.size() - 1).toUpperCase(Locale.ROOT);
        if (SqlKeywords.BEFORE_TABLE.contains(previous)) {
            for (String t : schema.tables()) {
                candidates.add(new Candidate(t, t, "tables", null, null, null, true));
            }
            return;
        }
        Set<String> columns = new LinkedHashSet<>();
        for (String w : words(line.line())) {
            columns.addAll(schema.columns(w));
        }
        for (String c : columns) {
            candidates.add(new Candidate(c, c, "columns", null, null, null, true));
        }
        for (String t : schema.tables()) {
            candidates.add(new Candidate(t, t, "tables", null, null, null, true));
        }
        for (String k : SqlKeywords.ALL) {
            String v = lower ? k.toLowerCase(Locale.ROOT) : k;
            candidates.add(new Candidate(v, v, "keywords", null, null, null, true));
        }
    }

    private void dotCommand(List<String> words, List<Candidate> candidates) {
        if (words.isEmpty()) {
            for (String name : DotCommands.NAMES) {
                candidates.add(new Candidate(name, name, null, null, null, null, true));
            }
            return;
        }
        List<String> args = switch (words.get(0)) {
            case ".mode" -> java.util.Arrays.stream(OutputFormat.values()).map(OutputFormat::label).toList();
            case ".headers", ".timer" -> List.of("on", "off");
            case ".schema", ".indexes", ".tables" -> schema.tables();
            default -> List.of();
        };
        for (String a : args) {
            candidates.add(new Candidate(a, a, null, null, null, null, true));
        }
    }

    /** alias (lower case) → table, from {@code table AS alias} and {@code table alias}. */
    private Map<String, String> aliases(List<String> words) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < words.size(); i++) {
            String w = words.get(i);
            if (schema.columns(w).isEmpty()) {
                continue;
            }
            String next = words.get(i + 1);
            if (next.equalsIgnoreCase("AS") && i + 2 < words.size()) {
                next = words.get(i + 2);
            }
            if (!SqlKeywords.isKeyword(next)) {
                map.put(next.toLowerCase(Locale.ROOT), w);
            }
        }
        return map;
    }

    /** The identifier-like words of {@code s} (letters, digits, '_', '$'; quotes stripped). */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.') {
                cur.append(c);
            } else if (c != '"' && c != '`' && c != '[' && c != ']') {
                flush(cur, out);
            }
        }
        flush(cur, out);
        return out;
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (cur.length() > 0) {
            String w = cur.toString();
            if (w.startsWith(".") || w.indexOf('.') < 0) {
                out.add(w);
            } else {
                out.add(w.substring(0, w.indexOf('.')));
            }
            cur.setLength(0);
        }
    }
}
