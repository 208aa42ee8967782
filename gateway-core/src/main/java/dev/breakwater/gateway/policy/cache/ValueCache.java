package dev.breakwater.gateway.policy.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's internal cache of values by key (APIM's built-in cache, per instance): one per
 * gateway, shared by every API and kept across configuration revisions. Bounded by the weight of what
 * it holds ({@link CachedValues#weight}: about the bytes of its keys and values plus a fixed cost per
 * entry, so the number of entries is bounded too), least recently and frequently used entries evicted
 * first; each entry expires after its own duration, read from the gateway's clock. Values are kept as
 * snapshots and handed out as copies.
 */
public final class ValueCache implements AsyncValueCache {

    /** The total weight kept: 64 MiB of estimated keys and values, at most 262,144 entries. */
    public static final long DEFAULT_MAX_WEIGHT = 64L * 1024 * 1024;

    private final Cache<String, Entry> entries;
    private final long maxValueWeight;

    /** An entry: its snapshot, its weight and how long it lives, all fixed when it is stored. */
    private record Entry(Object value, int weight, long lifeNanos) {
    }

    public ValueCache(Clock clock) {
        this(clock, DEFAULT_MAX_WEIGHT);
    }

    /**
     * @param maxWeight the total weight kept; one value may weigh at most an eighth of it, so that one
     *                  value cannot empty the cache
     */
    public ValueCache(Clock clock, long maxWeight) {
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
                        return entry.lifeNanos(); // a new store starts a new duration
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long now, long remaining) {
                        return remaining; // reads do not extend a value's life
                    }
                })
                .ticker(ticker(clock))
                // maintenance on the calling thread: Caffeine's default is the common pool, which on
                // two cores starts a thread per task (PITFALLS.md)
                .executor(Runnable::run)
                .build();
    }

    /** The system clock's monotonic ticker; another clock (a test's) drives expiry itself. */
    static Ticker ticker(Clock clock) {
        if (clock.equals(Clock.systemUTC()) || clock.equals(Clock.systemDefaultZone())) {
            return Ticker.systemTicker();
        }
        return () -> {
            java.time.Instant now = clock.instant();
            return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
        };
    }

    /**
     * Stores a snapshot of {@code value} under {@code key} for {@code seconds}, replacing what was there.
     * Returns false, storing nothing and leaving an older value in place, when the duration is not
     * positive or the value weighs more than one value may.
     *
     * @throws IllegalArgumentException when the value is of a type the cache does not take
     */
    public boolean store(String key, Object value, long seconds) {
        if (!CachedValues.isCacheable(value)) {
            throw new IllegalArgumentException("a value of this type cannot be cached");
        }
        if (seconds <= 0) {
            return false;
        }
        long weight = CachedValues.weight(key, value);
        if (weight > maxValueWeight) {
            return false;
        }
        entries.put(key, new Entry(CachedValues.snapshot(value), (int) Math.min(weight, Integer.MAX_VALUE), TimeUnit.SECONDS.toNanos(seconds)));
        return true;
    }

    /** A copy of the value under {@code key}, or null when there is none or it has expired. */
    public Object lookup(String key) {
        Entry entry = entries.getIfPresent(key);
        return entry == null ? null : CachedValues.snapshot(entry.value());
    }

    /** Removes the value under {@code key}, if any. */
    public void remove(String key) {
        entries.invalidate(key);
    }

    @Override
    public CompletionStage<Boolean> storeAsync(String key, Object value, long seconds) {
        return CompletableFuture.completedFuture(store(key, value, seconds));
    }

    @Override
    public CompletionStage<Object> lookupAsync(String key) {
        return CompletableFuture.completedFuture(lookup(key));
    }

    @Override
    public CompletionStage<Boolean> removeAsync(String key) {
        remove(key);
        return CompletableFuture.completedFuture(true);
    }

    /** The number of entries, expired ones not yet cleaned up included (for tests and metrics). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
