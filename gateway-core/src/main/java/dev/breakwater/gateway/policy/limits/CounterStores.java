package dev.breakwater.gateway.policy.limits;

import dev.breakwater.gateway.policy.concurrency.ConcurrencyLimits;
import dev.breakwater.gateway.policy.concurrency.ConcurrencyStore;
import dev.breakwater.gateway.policy.limits.redis.RedisConcurrencyStore;
import dev.breakwater.gateway.policy.limits.redis.RedisConnector;
import dev.breakwater.gateway.policy.limits.redis.RedisCounterStore;
import dev.breakwater.gateway.policy.limits.redis.RedisOutage;
import dev.breakwater.gateway.policy.limits.redis.SharedConcurrencyStore;
import dev.breakwater.gateway.policy.limits.redis.SharedCounterStore;
import java.util.concurrent.Executor;

/**
 * The counter stores a gateway can be set to use ({@code counters.store}), by name, and where
 * limit-concurrency counts with each: with Redis, the counters and the slots share one connection
 * and one outage (logged once, degraded alike).
 */
public final class CounterStores {

    /** This gateway's memory. */
    public static final String LOCAL = "local";
    /** Redis, shared by the gateway's replicas; this gateway's memory while Redis is unreachable. */
    public static final String REDIS = "redis";
    /** What a gateway's replicas share keys under when it has no {@code gateway.name}. */
    public static final String DEFAULT_NAMESPACE = "default";

    private CounterStores() {
    }

    /**
     * The store the settings name.
     *
     * @param local    the gateway's in-memory counters, which the local store wraps (and Redis falls back to)
     * @param executor where a shared store's answers complete: threads that never wait
     * @param redis    the gateway's one Redis connection (its external cache uses it too), required for
     *                 {@code redis} (see {@link #connector}), else unused
     * @param outage   shared with limit-concurrency's slots ({@link #concurrency}), so that one outage is logged once
     * @throws IllegalArgumentException for a name that is no store, or {@code redis} without a connection
     */
    public static CounterStore create(CounterStoreConfig config, KeyedCounters local, Executor executor,
                                      RedisConnector redis, RedisOutage outage) {
        LocalCounterStore inMemory = new LocalCounterStore(local);
        if (LOCAL.equals(config.store())) {
            return inMemory;
        }
        if (REDIS.equals(config.store())) {
            if (redis == null) {
                throw new IllegalArgumentException("counters.store=redis needs redis.url");
            }
            return new SharedCounterStore(new RedisCounterStore(redis, namespace(config), local.clock(), executor),
                    redis, inMemory, config.refuseWhenUnavailable(), outage);
        }
        throw new IllegalArgumentException("counters.store must be 'local' or 'redis', not '" + config.store() + "'");
    }

    /**
     * Where limit-concurrency counts: in {@code local} with the local store, in Redis with {@code redis}.
     *
     * @param outage the counter store's (see {@link #create}), unused with the local store
     */
    public static ConcurrencyStore concurrency(CounterStoreConfig config, ConcurrencyLimits local, java.time.Clock clock,
                                               Executor executor, RedisConnector redis, RedisOutage outage) {
        if (!REDIS.equals(config.store())) {
            return local;
        }
        if (redis == null) {
            throw new IllegalArgumentException("counters.store=redis needs redis.url");
        }
        return new SharedConcurrencyStore(new RedisConcurrencyStore(redis, namespace(config), clock,
                executor, config.concurrencyLease()), local, outage);
    }

    /** What a shared store's keys are namespaced by: the gateway's name, which its replicas share. */
    private static String namespace(CounterStoreConfig config) {
        return config.namespace() == null ? DEFAULT_NAMESPACE : config.namespace();
    }

    /** A connection to the Redis of {@code redis.url} (waits at most {@code redis.timeout} for it). */
    public static RedisConnector connector(CounterStoreConfig config, java.time.Clock clock) {
        if (config.redisUrl() == null) {
            throw new IllegalArgumentException("Redis needs redis.url");
        }
        return new RedisConnector(config.redisUrl(), config.redisPassword(), config.redisTlsTrust(), config.redisTimeout(),
                clock);
    }
}
