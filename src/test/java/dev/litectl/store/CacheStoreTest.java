package dev.litectl.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CacheStoreTest extends StoreTest {
    CacheStore cache;

    @BeforeEach
    void cache() {
        cache = store.cache();
    }

    @Test
    void getCountsHitsAndReturnsTheStoredTypes() {
        cache.put("text", "{\"a\":1}", Duration.ofMinutes(5));
        cache.put("blob", new byte[] {0, 1, 2}, null);
        cache.put("num", 42L, null);
        assertEquals(1, cache.get("text").orElseThrow().hitCount());
        CacheEntry again = cache.get("text").orElseThrow();
        assertEquals(2, again.hitCount());
        assertEquals("{\"a\":1}", again.text());
        assertTrue(again.expiresAt().compareTo(again.createdAt()) > 0);
        assertArrayEquals(new byte[] {0, 1, 2}, (byte[]) cache.get("blob").orElseThrow().value());
        assertNull(cache.get("blob").orElseThrow().expiresAt());
        assertEquals(Optional.of("42"), cache.getText("num"));
        assertEquals(Optional.empty(), cache.get("missing"));
        assertEquals(2L, (long) pool.read(h -> h.queryLong("SELECT hit_count FROM cache WHERE key = 'text'")),
                "the hit is committed: a reader sees it");
    }

    @Test
    void expiredEntriesAreNeverReturnedAndPurgeRemovesExactlyThem() throws Exception {
        cache.put("gone", "v", Duration.ofSeconds(-1));
        cache.put("soon", "v", Duration.ofMillis(150));
        cache.put("later", "v", Duration.ofHours(1));
        cache.put("forever", "v", null);
        assertTrue(cache.get("gone").isEmpty());
        assertTrue(cache.get("soon").isPresent());
        Thread.sleep(250);
        assertTrue(cache.get("soon").isEmpty());
        assertEquals(2, cache.purgeExpired());
        assertEquals(0, cache.purgeExpired());
        assertEquals(2L, (long) pool.read(h -> h.queryLong("SELECT count(*) FROM cache")));
        assertTrue(cache.get("later").isPresent());
        assertTrue(cache.get("forever").isPresent());
    }

    @Test
    void ttlBecomesASqliteModifierWithMilliseconds() {
        assertEquals("+90.500 seconds", CacheStore.modifier(90_500));
        assertEquals("+0.007 seconds", CacheStore.modifier(7));
        assertEquals("-1.050 seconds", CacheStore.modifier(-1050));
    }

    @Test
    void putReplacesValueTtlAndResetsHits() {
        cache.put("k", "old", Duration.ofSeconds(-1));
        cache.put("k", "new", Duration.ofHours(1));
        CacheEntry e = cache.get("k").orElseThrow();
        assertEquals("new", e.value());
        assertEquals(1, e.hitCount());
        assertTrue(cache.delete("k"));
        assertFalse(cache.delete("k"));
    }
}
