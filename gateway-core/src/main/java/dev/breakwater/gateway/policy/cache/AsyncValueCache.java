package dev.breakwater.gateway.policy.cache;

import java.util.concurrent.CompletionStage;

/**
 * A value cache as cache-store-value, cache-lookup-value and cache-remove-value use it: the internal
 * one ({@link ValueCache}, whose stages are complete at once) or the external one (Redis, whose stages
 * complete when it answers). No operation blocks a thread; none fails: a cache is best effort.
 */
public interface AsyncValueCache {

    /** Stores a snapshot of {@code value} for {@code seconds}; true when it was stored. */
    CompletionStage<Boolean> storeAsync(String key, Object value, long seconds);

    /** A copy of the value under {@code key}, or null when there is none. */
    CompletionStage<Object> lookupAsync(String key);

    /** Removes the value under {@code key}, if any. */
    CompletionStage<Void> removeAsync(String key);
}
