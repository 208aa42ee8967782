package dev.breakwater.gateway.policy.cache;

import java.util.concurrent.CompletionStage;

/**
 * A response cache as cache-lookup and cache-store use it: the internal one ({@link ResponseCache},
 * complete at once) or the external one (Redis). No operation blocks a thread; none fails.
 */
public interface AsyncResponseCache {

    /** Stores a snapshot of {@code response} for {@code seconds}; true when it was stored. */
    CompletionStage<Boolean> storeAsync(String key, CachedResponse response, long seconds);

    /** The response under {@code key} and its seconds left, or null when there is none. */
    CompletionStage<ResponseCache.Hit> lookupAsync(String key);
}
