package dev.breakwater.gateway.policy.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.breakwater.gateway.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The counters stay bounded: passed windows are dropped, and at the cap a new key gets no counter. */
class KeyedCountersTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void atTheCapANewKeyGetsNoCounterUntilWindowsPass() {
        KeyedCounters counters = new KeyedCounters(clock, 3);
        for (int i = 0; i < 3; i++) {
            counters.counter("k" + i, 60_000, null).add(clock.millis(), 1);
        }
        assertNull(counters.counter("k3", 60_000, null), "full: refused, not counted elsewhere");
        assertNotNull(counters.counter("k0", 60_000, null), "a known key still has its counter");
        clock.advance(Duration.ofSeconds(60));
        assertNotNull(counters.counter("k3", 60_000, null), "the passed windows were dropped");
        assertEquals(1, counters.size());
    }

    @Test
    void windowsAreFixedFromTheAnchor() {
        KeyedCounters counters = new KeyedCounters(clock);
        KeyedCounters.Window window = counters.counter("k", 10_000, clock.millis() - 4_000);
        assertEquals(1, window.tryAdd(clock.millis(), 1, 1));
        assertEquals(-1, window.tryAdd(clock.millis(), 1, 1));
        assertEquals(6_000, window.millisToRenewal(clock.millis()));
        clock.advance(Duration.ofSeconds(24));
        assertEquals(0, window.count(clock.millis()));
        assertEquals(2_000, window.millisToRenewal(clock.millis()), "windows stay on the anchor's grid");
    }

    @Test
    void aLifetimeWindowNeverRenews() {
        KeyedCounters counters = new KeyedCounters(clock);
        KeyedCounters.Window window = counters.counter("k", 0, 0L);
        window.add(clock.millis(), 5);
        clock.advance(Duration.ofDays(400));
        assertEquals(5, window.count(clock.millis()));
        assertEquals(Long.MAX_VALUE, window.millisToRenewal(clock.millis()));
    }
}
