package dev.breakwater.gateway.policy.concurrency;

import java.util.concurrent.CompletionStage;

/**
 * Where limit-concurrency's slots are counted: this gateway's memory ({@link ConcurrencyLimits}), or
 * Redis, shared by the gateway's replicas ({@code counters.store=redis}), whose answer comes later.
 * So acquiring answers with a stage; a local store's is complete at once and is read without
 * making the step wait.
 */
public interface ConcurrencyStore {

    /**
     * Takes a slot of {@code key} if fewer than {@code maxCount} are taken.
     *
     * @return the slot, to release exactly once, or {@code null} when the key is at its limit; the stage
     *         fails with {@link dev.breakwater.gateway.policy.limits.CounterStoreUnavailableException} when
     *         a shared store cannot be reached and the gateway is set to refuse
     */
    CompletionStage<ConcurrencySlot> acquire(String key, int maxCount);
}
