package dev.breakwater.gateway.policy.cache;

import java.util.concurrent.CompletionStage;

/**
 * A value cache as cache-store-value, cache-lookup-value and cache-remove-value use it: the internal
 * one ({@link ValueCache}, whose stages are complete at once) or the external one (Redis, whose stages
 * complete when it answers). No operation blocks a thread; none fails: a cache is best effort (a removal says whether it
 * reached the store).
 */
public interface AsyncValueCache {

    /** Stores a snapshot of {@code value} for {@code seconds}; true when it was stored. */
    CompletionStage<Boolean> storeAsync(String key, Object value, long seconds);

    /** A copy of the value under {@code key}, or null when there is none. */
    CompletionStage<Object> lookupAsync(String key);

    /**
     * Removes the value under {@code key}, if any: true when this cache's store answered, false when it
     * could not be reached (Redis gone: only the internal fallback was cleared, other replicas may still
     * find the value), for cache-remove-value's {@code fail-on-cache-removal-error}.
     */
    CompletionStage<Boolean> removeAsync(String key);
}
