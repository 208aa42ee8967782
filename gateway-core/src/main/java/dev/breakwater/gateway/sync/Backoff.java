package dev.breakwater.gateway.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter: after the n-th failure in a row, wait a random time between
 * half and all of {@code base × 2^(n-1)}, never more than {@code cap}. The jitter keeps a fleet
 * of gateways from retrying in step after the management plane returns.
 */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The wait after {@code failures} failures in a row (1 or more). */
    public Duration delay(int failures) {
        long ceiling = cap.toMillis();
        long exponential = base.toMillis() << Math.min(Math.max(failures - 1, 0), 30);
        long full = Math.min(ceiling, exponential <= 0 ? ceiling : exponential);
        long half = full / 2;
        return Duration.ofMillis(half + random.nextLong(full - half + 1));
    }
}
