package dev.breakwater.gateway.policy.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.expression.runtime.json.JObject;
import dev.breakwater.gateway.policy.expression.runtime.json.JsonText;
import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import dev.breakwater.gateway.policy.runtime.views.ExpressionFacade;
import dev.breakwater.gateway.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The internal cache alone: expiry on a manual clock, its bound, snapshots, the types it takes. */
class ValueCacheTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final ValueCache cache = new ValueCache(clock);

    @Test
    void aValueExpiresAfterItsOwnDurationAndReadsDoNotExtendIt() {
        cache.store("short", "s", 10);
        cache.store("long", "l", 60);
        clock.advance(Duration.ofSeconds(9));
        assertEquals("s", cache.lookup("short"));
        clock.advance(Duration.ofSeconds(1));
        assertNull(cache.lookup("short"), "gone at its 10 s");
        assertEquals("l", cache.lookup("long"));
        clock.advance(Duration.ofSeconds(50));
        assertNull(cache.lookup("long"), "gone at its 60 s, though read meanwhile");
    }

    @Test
    void storingAgainReplacesTheValueAndStartsANewDuration() {
        cache.store("k", "first", 10);
        clock.advance(Duration.ofSeconds(8));
        cache.store("k", "second", 10);
        clock.advance(Duration.ofSeconds(8));
        assertEquals("second", cache.lookup("k"));
    }

    @Test
    void aDurationThatIsNotPositiveStoresNothing() {
        assertFalse(cache.store("k", "v", 0));
        assertFalse(cache.store("k", "v", -5));
        assertNull(cache.lookup("k"));
    }

    @Test
    void removeTakesTheValueAway() {
        cache.store("k", 42, 60);
        cache.remove("k");
        cache.remove("never-stored");
        assertNull(cache.lookup("k"));
    }

    @Test
    void theTotalWeightIsBoundedByEvictingEntries() {
        // 64 KiB in all: each 1 KiB string weighs about 2.3 KiB with its key and overhead
        ValueCache small = new ValueCache(clock, 64 * 1024);
        String kilobyte = "x".repeat(1024);
        for (int i = 0; i < 1000; i++) {
            assertTrue(small.store("key-" + i, kilobyte, 3600));
        }
        long size = small.size();
        assertTrue(size > 0 && size <= 64 * 1024 / (2 * 1024 + CachedValues.ENTRY_OVERHEAD),
                "at most what the weight allows is kept: " + size);
    }

    @Test
    void aValueHeavierThanAnEighthOfTheCacheIsNotStoredAndLeavesTheOldOneInPlace() {
        ValueCache small = new ValueCache(clock, 64 * 1024);
        small.store("k", "small", 60);
        assertFalse(small.store("k", "x".repeat(5 * 1024), 60), "10 KiB of text is more than 8 KiB");
        assertEquals("small", small.lookup("k"));
    }

    @Test
    void jsonAndBytesAreSnapshotsInAndOut() {
        JObject original = (JObject) JsonText.parse("{\"a\":1}");
        cache.store("json", original, 60);
        original.set("a", JsonText.parse("2"));
        JObject first = (JObject) cache.lookup("json");
        assertEquals("{\"a\":1}", first.toJson(false), "a later edit of the stored object does not reach the cache");
        first.set("a", JsonText.parse("3"));
        assertEquals("{\"a\":1}", ((JObject) cache.lookup("json")).toJson(false), "nor an edit of a looked-up copy");

        byte[] bytes = {1, 2, 3};
        cache.store("bytes", bytes, 60);
        bytes[0] = 9;
        byte[] out = (byte[]) cache.lookup("bytes");
        out[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) cache.lookup("bytes"));
    }

    @Test
    void requestBoundValuesAndNullAreRefused() {
        Object response = ExpressionFacade.viewOf(ResponseMessage.received(200, "OK", new Headers(), new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> cache.store("k", response, 60));
        assertThrows(IllegalArgumentException.class, () -> cache.store("k", null, 60));
        assertThrows(IllegalArgumentException.class, () -> cache.store("k", new Object(), 60));
        assertNull(cache.lookup("k"));
    }
}
