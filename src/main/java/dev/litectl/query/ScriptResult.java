package dev.litectl.query;

/** What a script did: how many statements ran, rows printed and rows changed in total. */
public record ScriptResult(int statements, long rows, long changes) {
}
