package dev.breakwater.gateway.backend;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The circuit breakers of one gateway, by backend id and rule, kept across configuration revisions:
 * a new revision that leaves a backend's rule as it was must not close a breaker that is open, nor
 * forget the failures counted so far. A breaker is kept per backend id (its id names it in every
 * revision), so there are never more than the ids ever configured.
 */
public final class BreakerStates {

    private final Clock clock;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public BreakerStates(Clock clock) {
        this.clock = clock;
    }

    /** The breaker of this backend with this rule: the one it had, or a fresh one. */
    public CircuitBreaker breaker(String backendId, BreakerRule rule) {
        return breakers.compute(backendId, (id, existing) ->
                existing != null && existing.rule().key().equals(rule.key()) ? existing : new CircuitBreaker(rule, clock));
    }

    /** How many breakers are kept (for tests and status). */
    public int size() {
        return breakers.size();
    }
}
