package dev.breakwater.gateway.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system clock plus a shift a test moves forward: for a whole gateway in an integration test,
 * where time must go on as usual (timeouts, polls) but a test needs to be minutes later at once.
 */
public final class ShiftedClock extends Clock {

    private final AtomicLong shiftMillis = new AtomicLong();

    /** Moves the clock forward. */
    public void advance(Duration by) {
        shiftMillis.addAndGet(by.toMillis());
    }

    @Override
    public Instant instant() {
        return Instant.now().plusMillis(shiftMillis.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a shifted clock is in UTC");
    }
}
