package dev.breakwater.gateway.policy.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's internal cache of responses (cache-store / cache-lookup): one per gateway, a region of
 * its own beside {@link ValueCache} so that responses and values do not evict each other and no value
 * key can reach a response. Bounded by weight (about the bytes held), each entry expiring after its own
 * duration on the gateway's clock; a response heavier than an eighth of the region is not stored.
 */
public final class ResponseCache implements AsyncResponseCache {

    /** The total weight kept: 64 MiB of estimated keys, headers and bodies. */
    public static final long DEFAULT_MAX_WEIGHT = 64L * 1024 * 1024;

    private final Cache<String, Entry> entries;
    private final long maxValueWeight;
    private final Clock clock;

    /** An entry: the snapshot, its weight, how long it lives and when it expires (for downstream max-age). */
    private record Entry(CachedResponse response, int weight, long lifeNanos, Instant expires) {
    }

    /** A hit: a fresh copy of the stored response and the whole seconds it has left to live. */
    public record Hit(CachedResponse response, long secondsLeft) {
    }

    public ResponseCache(Clock clock) {
        this(clock, DEFAULT_MAX_WEIGHT);
    }

    public ResponseCache(Clock clock, long maxWeight) {
        this.clock = clock;
        this.maxValueWeight = maxWeight / 8;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxWeight)
                .weigher((String key, Entry entry) -> entry.weight())
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long now) {
                        return entry.lifeNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long now, long remaining) {
                        return entry.lifeNanos();
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long now, long remaining) {
                        return remaining;
                    }
                })
                .ticker(ValueCache.ticker(clock))
                .executor(Runnable::run) // not the common pool (PITFALLS.md)
                .build();
    }

    /**
     * Stores a snapshot of {@code response} under {@code key} for {@code seconds}. Returns false, storing
     * nothing, when the duration is not positive or the response weighs more than one entry may.
     */
    public boolean store(String key, CachedResponse response, long seconds) {
        if (seconds <= 0) {
            return false;
        }
        long weight = response.weight(key);
        if (weight > maxValueWeight) {
            return false;
        }
        CachedResponse snapshot = CachedResponse.of(response.status(), response.reason(), response.headers(),
                response.body());
        entries.put(key, new Entry(snapshot, (int) weight, TimeUnit.SECONDS.toNanos(seconds),
                clock.instant().plusSeconds(seconds)));
        return true;
    }

    /** The response under {@code key} (a copy), or null when there is none or it has expired. */
    public Hit lookup(String key) {
        Entry entry = entries.getIfPresent(key);
        if (entry == null) {
            return null;
        }
        long left = Math.max(0, entry.expires().getEpochSecond() - clock.instant().getEpochSecond());
        CachedResponse stored = entry.response();
        return new Hit(CachedResponse.of(stored.status(), stored.reason(), stored.headers(), stored.body()), left);
    }

    @Override
    public CompletionStage<Boolean> storeAsync(String key, CachedResponse response, long seconds) {
        return CompletableFuture.completedFuture(store(key, response, seconds));
    }

    @Override
    public CompletionStage<Hit> lookupAsync(String key) {
        return CompletableFuture.completedFuture(lookup(key));
    }

    /** The number of entries, expired ones not yet cleaned up included (for tests and metrics). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
