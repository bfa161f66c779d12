package dev.litectl.recover;

/** Text whose bytes are not valid in the database encoding: written back byte for byte, not repaired. */
record RawText(byte[] bytes) {}
