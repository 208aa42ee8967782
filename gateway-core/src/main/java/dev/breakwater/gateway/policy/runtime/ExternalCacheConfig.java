package dev.breakwater.gateway.policy.runtime;

import dev.breakwater.gateway.policy.cache.redis.ExternalCache;

/**
 * The settings of a gateway's external cache: {@code cache.external} and
 * {@code cache.external.max.value.bytes}. Redis's address and timeout are the counters' settings
 * ({@code redis.url}, {@code redis.password}, {@code redis.timeout}): one connection serves both.
 *
 * @param type          {@code none} or {@code redis}
 * @param maxValueBytes the largest value or response kept, serialized (bytes)
 */
public record ExternalCacheConfig(String type, long maxValueBytes) {

    /** No external cache. */
    public static final String NONE = "none";
    /** Redis, shared by the replicas of the gateway's name. */
    public static final String REDIS = "redis";

    /** The default: no external cache. */
    public static ExternalCacheConfig none() {
        return new ExternalCacheConfig(NONE, ExternalCache.DEFAULT_MAX_VALUE_BYTES);
    }

    /** Whether the external cache is Redis. */
    public boolean redis() {
        return REDIS.equals(type);
    }
}
