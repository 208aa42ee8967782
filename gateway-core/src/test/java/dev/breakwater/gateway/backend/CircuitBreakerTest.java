package dev.breakwater.gateway.backend;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final ManualClock clock = new ManualClock();

    private static BreakerRule rule(int count, boolean acceptRetryAfter) {
        return new BreakerRule(count, Duration.ofMinutes(1), List.<int[]>of(new int[] {500, 599}),
                Set.of("Timeout"), Duration.ofSeconds(30), acceptRetryAfter);
    }

    @Test
    void tripsOnCountFailuresWithinTheIntervalAndClosesAfterTheTripDuration() {
        CircuitBreaker breaker = new CircuitBreaker(rule(3, false), clock);
        breaker.answered(500, null);
        breaker.answered(200, null); // not a failure
        breaker.failedWith("BackendConnectionFailure"); // a reason the rule does not count
        breaker.answered(503, null);
        assertFalse(breaker.isOpen(), "two failures of three");
        breaker.failedWith("Timeout");
        assertTrue(breaker.isOpen(), "the third failure within a minute trips it");
        clock.advance(Duration.ofSeconds(29));
        assertTrue(breaker.isOpen());
        clock.advance(Duration.ofSeconds(1));
        assertFalse(breaker.isOpen(), "closed after the trip duration");
        breaker.answered(500, null);
        assertFalse(breaker.isOpen(), "counting starts afresh");
    }

    @Test
    void failuresOlderThanTheIntervalDoNotCount() {
        CircuitBreaker breaker = new CircuitBreaker(rule(2, false), clock);
        breaker.answered(500, null);
        clock.advance(Duration.ofSeconds(61));
        breaker.answered(500, null);
        assertFalse(breaker.isOpen(), "the first failure left the one-minute window");
        breaker.answered(500, null);
        assertTrue(breaker.isOpen());
    }

    @Test
    void retryAfterSetsTheTripDurationWhenTheRuleAcceptsIt() {
        CircuitBreaker accepting = new CircuitBreaker(rule(1, true), clock);
        accepting.answered(503, "120");
        clock.advance(Duration.ofSeconds(119));
        assertTrue(accepting.isOpen(), "open for the 120 s the backend asked");
        clock.advance(Duration.ofSeconds(1));
        assertFalse(accepting.isOpen());

        CircuitBreaker ignoring = new CircuitBreaker(rule(1, false), clock);
        ignoring.answered(503, "120");
        clock.advance(Duration.ofSeconds(30));
        assertFalse(ignoring.isOpen(), "the rule's 30 s, Retry-After ignored");

        CircuitBreaker capped = new CircuitBreaker(rule(1, true), clock);
        capped.answered(503, "999999999");
        clock.advance(CircuitBreaker.MAX_RETRY_AFTER);
        assertFalse(capped.isOpen(), "a backend cannot keep it open beyond the cap");

        CircuitBreaker garbage = new CircuitBreaker(rule(1, true), clock);
        garbage.answered(503, "soon");
        clock.advance(Duration.ofSeconds(30));
        assertFalse(garbage.isOpen(), "an unreadable Retry-After falls back to the trip duration");
    }

    @Test
    void anUnchangedRuleKeepsItsBreakerAcrossRevisionsAndAChangedOneStartsAfresh() {
        BreakerStates states = new BreakerStates(clock);
        CircuitBreaker first = states.breaker("orders", rule(1, false));
        first.answered(500, null);
        assertSame(first, states.breaker("orders", rule(1, false)));
        assertTrue(states.breaker("orders", rule(1, false)).isOpen(), "still open in the next revision");
        CircuitBreaker changed = states.breaker("orders", rule(2, false));
        assertNotSame(first, changed);
        assertFalse(changed.isOpen());
    }
}
