package dev.breakwater.gateway.policy.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The counters behind limit-concurrency: the limit, release once, keys removed at zero, under contention. */
class ConcurrencyLimitsTest {

    private final ConcurrencyLimits limits = new ConcurrencyLimits();

    @Test
    void aKeyTakesUpToItsLimitAndAReleasedSlotCountsOnce() {
        ConcurrencyLimits.Slot first = limits.tryAcquire("k", 2);
        ConcurrencyLimits.Slot second = limits.tryAcquire("k", 2);
        assertNotNull(first);
        assertNotNull(second);
        assertNull(limits.tryAcquire("k", 2));
        ConcurrencyLimits.Slot third = limits.tryAcquire("k", 3);
        assertNotNull(third, "a policy with a higher max-count on the same key gets in");
        third.release();
        first.release();
        first.release();
        assertEquals(1, limits.inUse("k"), "releasing a slot twice gives back one");
        second.release();
        assertEquals(0, limits.liveKeys(), "a key at zero is removed");
    }

    @Test
    void underContentionTheLimitHoldsAndEveryKeyIsRemovedAtTheEnd() throws Exception {
        int max = 3;
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(threads.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        String key = "key-" + (i % 5);
                        ConcurrencyLimits.Slot slot = limits.tryAcquire(key, max);
                        if (slot == null) {
                            refused.incrementAndGet();
                            continue;
                        }
                        if (key.equals("key-0")) {
                            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            inside.decrementAndGet();
                        }
                        slot.release();
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertTrue(most.get() <= max, "at most " + max + " inside one key at once, saw " + most.get());
        assertEquals(0, limits.liveKeys(), "no key outlives its last slot");
    }
}
