package dev.breakwater.gateway.policy.limits.redis;

import dev.breakwater.gateway.policy.concurrency.ConcurrencySlot;
import dev.breakwater.gateway.policy.concurrency.ConcurrencyStore;
import dev.breakwater.gateway.policy.limits.CounterStoreUnavailableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * limit-concurrency's slots with {@code counters.store=redis}: taken in Redis while it answers; when
 * it does not, taken in this gateway's memory ({@code counters.redis.unavailable=local}) or refused
 * ({@code refuse}: a 503), as the counters are, and logged as part of the same outage. Each slot
 * is given back where it was taken: one taken in Redis is released in Redis (or, Redis gone, ends
 * with its lease), one taken locally is released locally. Once Redis answers again, new slots are
 * taken there; slots taken locally meanwhile are not counted in Redis.
 */
public final class SharedConcurrencyStore implements ConcurrencyStore {

    private final RedisConcurrencyStore redis;
    private final ConcurrencyStore local;
    private final RedisOutage outage;

    /**
     * @param local  the gateway's own slots: the fallback
     * @param outage the counters' outage, so that one outage is logged once; whether requests are refused
     *               meanwhile (rather than counted locally) is its setting
     */
    public SharedConcurrencyStore(RedisConcurrencyStore redis, ConcurrencyStore local, RedisOutage outage) {
        this.redis = redis;
        this.local = local;
        this.outage = outage;
    }

    @Override
    public CompletionStage<ConcurrencySlot> acquire(String key, int maxCount) {
        return redis.acquire(key, maxCount).toCompletableFuture().handle((slot, failure) -> {
            if (failure == null) {
                outage.answered();
                return CompletableFuture.completedFuture(slot);
            }
            outage.failed(RedisConnector.cause(failure));
            return outage.refuses()
                    ? CompletableFuture.<ConcurrencySlot>failedFuture(
                            new CounterStoreUnavailableException("the shared counters cannot be reached"))
                    : local.acquire(key, maxCount).toCompletableFuture();
        }).thenCompose(next -> next);
    }
}
