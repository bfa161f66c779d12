package dev.litectl.store;

/**
 * A live row of {@code cache}: {@code value} as stored (String, Long, Double or byte[]), {@code expiresAt}
 * null for no expiry, {@code hitCount} including the read that returned it.
 */
public record CacheEntry(String key, Object value, String createdAt, String expiresAt, long hitCount) {
    /** The value as text (a blob is decoded as UTF-8), null when the value is NULL. */
    public String text() {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : value.toString();
    }
}
