package dev.litectl.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL text into statements the way SQLite's {@code sqlite3_complete()} decides where one ends:
 * at a semicolon outside strings, quoted identifiers and comments, and for {@code CREATE TRIGGER} only at
 * the semicolon after {@code END}.
 */
public final class SqlScript {
    private enum Token { SEMI, WS, OTHER, EXPLAIN, CREATE, TEMP, TRIGGER, END }

    // sqlite3_complete's transition table; rows are states, columns are tokens (ordinal order above).
    private static final int[][] TRANS = {
        /* 0 INVALID */ {1, 0, 2, 3, 4, 2, 2, 2},
        /* 1 START   */ {1, 1, 2, 3, 4, 2, 2, 2},
        /* 2 NORMAL  */ {1, 2, 2, 2, 2, 2, 2, 2},
        /* 3 EXPLAIN */ {1, 3, 3, 2, 4, 2, 2, 2},
        /* 4 CREATE  */ {1, 4, 2, 2, 2, 4, 5, 2},
        /* 5 TRIGGER */ {6, 5, 5, 5, 5, 5, 5, 5},
        /* 6 SEMI    */ {6, 6, 5, 5, 5, 5, 5, 7},
        /* 7 END     */ {1, 7, 5, 5, 5, 5, 5, 5},
    };

    private SqlScript() {}

    /** True when {@code sql} ends with a complete statement (what a shell waits for before running it). */
    public static boolean isComplete(String sql) {
        Scan scan = new Scan(sql, 1);
        scan.run();
        return scan.state == 1;
    }

    /** The statements of {@code sql}, numbering lines from {@code firstLine}; a trailing statement without ';' is kept. */
    public static List<SqlStatement> split(String sql, int firstLine) {
        Scan scan = new Scan(sql, firstLine);
        scan.run();
        return scan.statements;
    }

    /** The statements of {@code sql}, numbering lines from 1. */
    public static List<SqlStatement> split(String sql) {
        return split(sql, 1);
    }

    private static final class Scan {
        final String s;
        final List<SqlStatement> statements = new ArrayList<>();
        int state = 0;
        int line;
        int stmtStart = -1;
        int stmtLine;

        Scan(String s, int firstLine) {
            this.s = s;
            this.line = firstLine;
        }

        void run() {
            int i = 0;
            int n = s.length();
            while (i < n) {
                char c = s.charAt(i);
                int start = i;
                int tokLine = line;
                Token tok;
                if (c == '\n') {
                    line++;
                    i++;
                    tok = Token.WS;
                } else if (Character.isWhitespace(c)) {
                    i++;
                    tok = Token.WS;
                } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                    while (i < n && s.charAt(i) != '\n') {
                        i++;
                    }
                    tok = Token.WS;
                } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                    int end = s.indexOf("*/", i + 2);
                    i = end < 0 ? n : end + 2;
                    countLines(start, i);
                    tok = Token.WS;
                } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                    char close = c == '[' ? ']' : c;
                    i++;
                    while (i < n) {
                        if (s.charAt(i) == close) {
                            if (close != ']' && i + 1 < n && s.charAt(i + 1) == close) {
                                i += 2;
                                continue;
                            }
                            break;
                        }
                        i++;
                    }
                    i = Math.min(n, i + 1);
                    countLines(start, i);
                    tok = Token.OTHER;
                } else if (c == ';') {
                    i++;
                    tok = Token.SEMI;
                } else if (Character.isLetter(c) || c == '_') {
                    while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
                        i++;
                    }
                    tok = keyword(s.substring(start, i));
                } else {
                    i++;
                    tok = Token.OTHER;
                }
                if (tok != Token.WS && tok != Token.SEMI && stmtStart < 0) {
                    stmtStart = start;
                    stmtLine = tokLine;
                }
                state = TRANS[state][tok.ordinal()];
                if (tok == Token.SEMI && state == 1) {
                    if (stmtStart >= 0) {
                        statements.add(new SqlStatement(s.substring(stmtStart, i), stmtLine));
                    }
                    stmtStart = -1;
                }
            }
            if (stmtStart >= 0) {
                statements.add(new SqlStatement(s.substring(stmtStart).stripTrailing(), stmtLine));
            }
        }

        private void countLines(int from, int to) {
            for (int k = from; k < to; k++) {
                if (s.charAt(k) == '\n') {
                    line++;
                }
            }
        }

        private static Token keyword(String word) {
            return switch (word.toUpperCase(Locale.ROOT)) {
                case "EXPLAIN" -> Token.EXPLAIN;
                case "CREATE" -> Token.CREATE;
                case "TEMP", "TEMPORARY" -> Token.TEMP;
                case "TRIGGER" -> Token.TRIGGER;
                case "END" -> Token.END;
                default -> Token.OTHER;
            };
        }
    }
}
