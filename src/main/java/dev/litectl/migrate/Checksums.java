package dev.litectl.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum of a migration's up section: SHA-256 of the text after normalising what editors and git
 * change without meaning to (byte-order mark, CRLF/CR line endings, trailing blanks, trailing empty lines).
 */
public final class Checksums {
    private Checksums() {}

    public static String of(String sql) {
        return sha256(normalize(sql));
    }

    static String normalize(String sql) {
        String s = sql.startsWith("\uFEFF") ? sql.substring(1) : sql;
        s = s.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(s.length());
        for (String line : s.split("\n", -1)) {
            out.append(line.stripTrailing()).append('\n');
        }
        return out.toString().strip();
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
