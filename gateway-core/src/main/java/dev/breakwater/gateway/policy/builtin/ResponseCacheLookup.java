package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.cache.AsyncResponseCache;
import dev.breakwater.gateway.policy.runtime.ContextKey;

/**
 * What cache-lookup leaves in the request's context on a miss for cache-store to use: the key the
 * response is to be stored under, and the downstream caching the client's response is to announce.
 * No entry in the context (not a GET, a private request not allowed, no cache-lookup at all) means
 * cache-store stores nothing.
 *
 * @param key            the cache key (API, operation, path, vary-by values)
 * @param downstream     none, private or public
 * @param mustRevalidate whether downstream caching headers carry must-revalidate
 * @param cache          the cache the lookup read (its caching-type): the one the response is stored in
 */
record ResponseCacheLookup(String key, String downstream, boolean mustRevalidate, AsyncResponseCache cache) {

    /** The typed slot in the policy context. */
    static final ContextKey<ResponseCacheLookup> KEY = new ContextKey<>("cache-lookup", ResponseCacheLookup.class);
}
