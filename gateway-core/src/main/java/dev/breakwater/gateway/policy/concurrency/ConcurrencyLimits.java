package dev.breakwater.gateway.policy.concurrency;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many requests are inside limit-concurrency, per key, for the whole gateway: every policy with
 * the same key shares its count (APIM: "can be shared by multiple policies"), and the counts outlive
 * configuration revisions, so a new revision does not let in a second batch of requests. A key's
 * counter exists only while a request holds it: it is removed when it drops to zero, so the keys
 * that requests bring (client addresses, header values) never pile up; there are never more keys
 * than requests in flight. It is also what a shared store counts in while Redis cannot be reached.
 */
public final class ConcurrencyLimits implements ConcurrencyStore {

    private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

    /**
     * Takes a slot of {@code key} if fewer than {@code maxCount} are taken.
     *
     * @return the slot, to release exactly once, or {@code null} when the key is at its limit
     */
    public Slot tryAcquire(String key, int maxCount) {
        boolean[] acquired = {false};
        counts.compute(key, (k, current) -> {
            int taken = current == null ? 0 : current;
            if (taken >= maxCount) {
                return current;
            }
            acquired[0] = true;
            return taken + 1;
        });
        return acquired[0] ? new Slot(key) : null;
    }

    /** {@link #tryAcquire}, answered at once. */
    @Override
    public CompletionStage<ConcurrencySlot> acquire(String key, int maxCount) {
        return CompletableFuture.completedFuture(tryAcquire(key, maxCount));
    }

    /** How many slots of {@code key} are taken now. */
    public int inUse(String key) {
        return counts.getOrDefault(key, 0);
    }

    /** How many keys have a slot taken now. */
    public int liveKeys() {
        return counts.size();
    }

    private void release(String key) {
        counts.computeIfPresent(key, (k, taken) -> taken <= 1 ? null : taken - 1);
    }

    /** One request's place under a key in this gateway's memory; releasing it twice releases it once. */
    public final class Slot implements ConcurrencySlot {
        private final String key;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String key) {
            this.key = key;
        }

        @Override
        public void release() {
            if (released.compareAndSet(false, true)) {
                ConcurrencyLimits.this.release(key);
            }
        }
    }
}
