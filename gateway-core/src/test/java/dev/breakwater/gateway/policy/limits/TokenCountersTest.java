package dev.breakwater.gateway.policy.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The token counters over KeyedCounters: room for an amount, giving back, calendar quota windows, the cap. */
class TokenCountersTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2028-02-14T10:30:00Z")); // a Monday
    private final TokenCounters counters = new TokenCounters(new KeyedCounters(clock, 3));

    @Test
    void anAmountIsTakenOnlyWhenItFitsAndNothingOnlyBeforeTheWindowIsFull() {
        TokenCounters.Window window = counters.minute("p", "k");
        assertTrue(window.tryTake(100, 60));
        assertFalse(window.tryTake(100, 41), "60 + 41 > 100");
        assertTrue(window.tryTake(100, 40));
        assertFalse(window.tryTake(100, 0), "full: a request without an estimate waits too");
        assertFalse(counters.minute("p", "other").tryTake(10, 11), "more than the whole limit never fits");
        assertEquals(100, window.count());
    }

    @Test
    void whatAnEstimateTookIsGivenBackOnlyInItsOwnWindow() {
        TokenCounters.Window window = counters.minute("p", "k");
        window.tryTake(100, 50);
        window.add(-20);
        assertEquals(30, window.count());
        clock.advance(Duration.ofSeconds(61));
        window.add(-20);
        assertEquals(0, window.count(), "a new minute starts from zero, not below");
        window.add(5);
        assertEquals(5, window.count(), "tokens used now count now");
    }

    @Test
    void quotaWindowsAreCalendarPeriodsInUtc() {
        assertEquals(Instant.parse("2028-02-14T10:00:00Z"), TokenQuotaPeriod.HOURLY.start(clock.instant()));
        assertEquals(Instant.parse("2028-02-14T00:00:00Z"), TokenQuotaPeriod.WEEKLY.start(clock.instant()));
        assertEquals(Instant.parse("2028-02-01T00:00:00Z"), TokenQuotaPeriod.MONTHLY.start(clock.instant()));
        assertEquals(Instant.parse("2028-03-01T00:00:00Z"), TokenQuotaPeriod.MONTHLY.end(Instant.parse("2028-02-01T00:00:00Z")));
        assertEquals(Instant.parse("2028-01-01T00:00:00Z"), TokenQuotaPeriod.YEARLY.start(clock.instant()));
        assertEquals(TokenQuotaPeriod.DAILY, TokenQuotaPeriod.parse("daily"));
        assertNull(TokenQuotaPeriod.parse("Fortnightly"));

        TokenCounters.Window february = counters.quota("p", TokenQuotaPeriod.MONTHLY, "k");
        assertTrue(february.tryTake(10, 10));
        assertEquals(Duration.ofDays(15).plusHours(13).plusMinutes(30).toMillis(), february.millisToRenewal(),
                "to March 1st, a leap February");
        clock.advance(Duration.ofDays(16));
        assertTrue(counters.quota("p", TokenQuotaPeriod.MONTHLY, "k").tryTake(10, 10), "March is a new quota");
    }

    @Test
    void atTheCapOfLiveCountersANewKeyGetsNoWindow() {
        counters.minute("p", "a").tryTake(10, 1);
        counters.minute("p", "b").tryTake(10, 1);
        counters.minute("p", "c").tryTake(10, 1);
        assertNull(counters.minute("p", "d"));
    }
}
