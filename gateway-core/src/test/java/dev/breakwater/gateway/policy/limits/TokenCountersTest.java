package dev.breakwater.gateway.policy.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The token counters over the local counter store: room for an amount, giving back, calendar quota
 * windows, the cap on live counters.
 */
class TokenCountersTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2028-02-14T10:30:00Z")); // a Monday
    private final LocalCounterStore store = new LocalCounterStore(new KeyedCounters(clock, 3));
    private final TokenCounters counters = new TokenCounters(store, clock);

    /** Whether the gate lets the request through, as {@link Gates} judges it. */
    private boolean passes(CounterKey key, long limit, long estimate) {
        Gate gate = TokenCounters.gate(key, limit, estimate);
        CounterState state = (gate.countNow() ? store.tryAdd(key, gate.limit(), gate.amount()) : store.read(key))
                .toCompletableFuture().join();
        return gate.countNow() ? state.accepted() : state.count() < gate.limit();
    }

    private long count(CounterKey key) {
        return store.read(key).toCompletableFuture().join().count();
    }

    @Test
    void anAmountIsTakenOnlyWhenItFitsAndNothingOnlyBeforeTheWindowIsFull() {
        CounterKey key = counters.minute("p", "k");
        assertTrue(passes(key, 100, 60));
        assertFalse(passes(key, 100, 41), "60 + 41 > 100");
        assertTrue(passes(key, 100, 40));
        assertFalse(passes(key, 100, 0), "full: a request without an estimate waits too");
        assertFalse(passes(counters.minute("p", "other"), 10, 11), "more than the whole limit never fits");
        assertEquals(100, count(key));
    }

    @Test
    void whatAnEstimateTookIsGivenBackOnlyInItsOwnWindow() {
        CounterKey key = counters.minute("p", "k");
        CounterState taken = store.tryAdd(key, 51, 50).toCompletableFuture().join();
        TokenCounters.Window window = counters.window(key, 100, taken.count(), taken.millisToRenewal());
        window.correct(-20);
        assertEquals(30, count(key));
        assertEquals(70, window.remaining());
        clock.advance(Duration.ofSeconds(61));
        window.correct(-20);
        assertEquals(0, count(key), "a new minute starts from zero, not below");
        window.correct(5);
        assertEquals(5, count(key), "tokens used now count now");
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

        CounterKey february = counters.quota("p", TokenQuotaPeriod.MONTHLY, "k");
        assertTrue(passes(february, 10, 10));
        assertEquals(Duration.ofDays(15).plusHours(13).plusMinutes(30).toMillis(),
                store.read(february).toCompletableFuture().join().millisToRenewal(), "to March 1st, a leap February");
        clock.advance(Duration.ofDays(16));
        assertTrue(passes(counters.quota("p", TokenQuotaPeriod.MONTHLY, "k"), 10, 10), "March is a new quota");
    }

    @Test
    void atTheCapOfLiveCountersANewKeyIsRefusedByTheStore() {
        assertTrue(passes(counters.minute("p", "a"), 10, 1));
        assertTrue(passes(counters.minute("p", "b"), 10, 1));
        assertTrue(passes(counters.minute("p", "c"), 10, 1));
        CompletableFuture<CounterState> full = store.read(counters.minute("p", "d")).toCompletableFuture();
        CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, full::join);
        assertTrue(failure.getCause() instanceof CounterStoreFullException);
    }
}
