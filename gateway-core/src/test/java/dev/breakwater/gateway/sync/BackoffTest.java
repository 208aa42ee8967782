package dev.breakwater.gateway.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(42));

    @Test
    void doublesWithJitterUpToTheCap() {
        long[] ceilings = {1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000};
        for (int failures = 1; failures <= ceilings.length; failures++) {
            for (int sample = 0; sample < 50; sample++) {
                long delay = backoff.delay(failures).toMillis();
                long ceiling = ceilings[failures - 1];
                assertTrue(delay >= ceiling / 2 && delay <= ceiling, failures + " failures: " + delay + " ms");
            }
        }
    }

    @Test
    void manyFailuresDoNotOverflow() {
        assertTrue(backoff.delay(1_000).toMillis() <= 60_000);
        assertTrue(backoff.delay(63).toMillis() >= 30_000);
    }

    @Test
    void jitterSpreadsAFleet() {
        long first = backoff.delay(6).toMillis();
        boolean differs = false;
        for (int i = 0; i < 20 && !differs; i++) {
            differs = backoff.delay(6).toMillis() != first;
        }
        assertTrue(differs, "delays vary");
        assertEquals(Duration.ofMillis(500), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60),
                new Random() {
                    @Override
                    public long nextLong(long bound) {
                        return 0;
                    }
                }).delay(1), "the lower end is half the ceiling");
    }
}
