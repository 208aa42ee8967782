package dev.breakwater.gateway.backend;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * A backend's circuit breaker, as APIM's rule describes it: it trips once {@code count} failures
 * happened within {@code interval}, and then refuses requests for {@code tripDuration} (or for as
 * long as the backend's Retry-After says, when the rule accepts it); after that it closes and
 * counts afresh. Failures are counted on this gateway only, as APIM's instances do.
 */
public final class CircuitBreaker {

    /** The longest a Retry-After can keep a breaker open, so that a hostile backend cannot switch it off for good. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private final BreakerRule rule;
    private final Clock clock;
    private final ArrayDeque<Long> failures = new ArrayDeque<>(); // millis, oldest first
    private long openUntil;

    public CircuitBreaker(BreakerRule rule, Clock clock) {
        this.rule = rule;
        this.clock = clock;
    }

    public BreakerRule rule() {
        return rule;
    }

    public synchronized boolean isOpen() {
        return clock.millis() < openUntil;
    }

    /** The backend answered; {@code retryAfter} is its Retry-After header, or {@code null}. */
    public void answered(int status, String retryAfter) {
        if (rule.failsOn(status)) {
            failed(retryAfter);
        }
    }

    /** The exchange failed with this error reason (forward-request's, e.g. {@code Timeout}). */
    public void failedWith(String reason) {
        if (rule.failsOn(reason)) {
            failed(null);
        }
    }

    private synchronized void failed(String retryAfter) {
        long now = clock.millis();
        if (now < openUntil) {
            return; // already open: requests that were under way do not extend it
        }
        long windowStart = now - rule.interval().toMillis();
        while (!failures.isEmpty() && failures.peekFirst() <= windowStart) {
            failures.removeFirst();
        }
        failures.addLast(now);
        if (failures.size() >= rule.count()) {
            failures.clear();
            openUntil = now + tripFor(retryAfter, now).toMillis();
        }
    }

    private Duration tripFor(String retryAfter, long now) {
        if (rule.acceptRetryAfter() && retryAfter != null) {
            Duration asked = RetryAfter.parse(retryAfter, now);
            if (asked != null) {
                return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
            }
        }
        return rule.tripDuration();
    }
}
