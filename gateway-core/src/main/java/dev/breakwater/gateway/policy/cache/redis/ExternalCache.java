package dev.breakwater.gateway.policy.cache.redis;

import dev.breakwater.gateway.policy.cache.AsyncResponseCache;
import dev.breakwater.gateway.policy.cache.AsyncValueCache;
import dev.breakwater.gateway.policy.cache.CachedResponse;
import dev.breakwater.gateway.policy.cache.CachedValues;
import dev.breakwater.gateway.policy.cache.ResponseCache;
import dev.breakwater.gateway.policy.cache.ValueCache;
import dev.breakwater.gateway.policy.limits.redis.RedisConnector;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The external cache of {@code cache.external=redis}: what {@code caching-type="external"} and
 * {@code prefer-external} use, shared by the replicas of one gateway name. Values and responses are
 * kept in Redis ({@link RedisTextCache}) while it answers; when it does not (no connection, a timeout,
 * an error), each operation uses the internal cache instead, so requests are still answered, each
 * replica caching alone. An outage is logged once (a WARN when it starts, an INFO when Redis answers
 * again) and shown by {@link #available()} in {@code /status}; every operation tries Redis first
 * while a connection is open, so sharing resumes by itself. What was cached internally during an
 * outage stays internal.
 */
public final class ExternalCache {

    /** {@code cache.external.max.value.bytes}'s default: 1 MiB. */
    public static final long DEFAULT_MAX_VALUE_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ExternalCache.class);

    private final RedisTextCache redis;
    private final RedisConnector connector;
    private final ValueCache internalValues;
    private final ResponseCache internalResponses;
    private final Clock clock;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AsyncValueCache values = new Values();
    private final AsyncResponseCache responses = new Responses();

    /**
     * @param gatewayName   what keys are namespaced by: the name the replicas share
     * @param maxValueBytes the largest text (UTF-8 bytes) stored for one value or response
     * @param executor      where Redis's answers complete: threads that never wait
     */
    public ExternalCache(RedisConnector connector, String gatewayName, long maxValueBytes, Executor executor,
                         ValueCache internalValues, ResponseCache internalResponses, Clock clock) {
        this.connector = connector;
        this.redis = new RedisTextCache(connector, gatewayName, maxValueBytes, executor);
        this.internalValues = internalValues;
        this.internalResponses = internalResponses;
        this.clock = clock;
    }

    /** The value cache of the *-value policies with caching-type external or prefer-external. */
    public AsyncValueCache values() {
        return values;
    }

    /** The response cache of cache-lookup (and the cache-store after it) with caching-type external or prefer-external. */
    public AsyncResponseCache responses() {
        return responses;
    }

    /** Whether Redis answered the last operation and a connection is open. */
    public boolean available() {
        return !down.get() && connector.commands() != null;
    }

    /** Redis's answer, or the internal cache's when Redis cannot be reached. */
    private <T> CompletionStage<T> either(Supplier<CompletionStage<T>> external, Supplier<CompletionStage<T>> internal) {
        return external.get().toCompletableFuture().handle((result, failure) -> {
            if (failure == null) {
                if (down.compareAndSet(true, false)) {
                    LOG.info("external cache: Redis answers again; the cache is shared again");
                }
                return CompletableFuture.completedFuture(result);
            }
            if (down.compareAndSet(false, true)) {
                Throwable cause = RedisConnector.cause(failure);
                LOG.warn("external cache: Redis cannot be reached ({}); each gateway uses its internal cache until"
                        + " it answers again", cause.getClass().getSimpleName());
            }
            return internal.get().toCompletableFuture();
        }).thenCompose(next -> next);
    }

    /** Values as {@link CachedValueCodec} writes them, under {@code ...:cache:value:<key>}. */
    private final class Values implements AsyncValueCache {
        @Override
        public CompletionStage<Boolean> storeAsync(String key, Object value, long seconds) {
            if (!CachedValues.isCacheable(value)) {
                throw new IllegalArgumentException("a value of this type cannot be cached");
            }
            String text = CachedValueCodec.encode(value);
            return either(() -> redis.set("value", key, text, seconds * 1000L),
                    () -> internalValues.storeAsync(key, value, seconds));
        }

        @Override
        public CompletionStage<Object> lookupAsync(String key) {
            return either(() -> redis.get("value", key).thenApply(CachedValueCodec::decode),
                    () -> internalValues.lookupAsync(key));
        }

        @Override
        public CompletionStage<Boolean> removeAsync(String key) {
            // the fallback clears the internal copy but says that Redis, shared by the replicas, was not reached
            return either(() -> redis.delete("value", key).thenApply(done -> true),
                    () -> internalValues.removeAsync(key).thenApply(done -> false));
        }
    }

    /** Responses as {@link CachedResponseCodec} writes them, under {@code ...:cache:response:<key>}. */
    private final class Responses implements AsyncResponseCache {
        @Override
        public CompletionStage<Boolean> storeAsync(String key, CachedResponse response, long seconds) {
            long millis = seconds * 1000L;
            String text = CachedResponseCodec.encode(response, clock.millis() + millis);
            return either(() -> redis.set("response", key, text, millis),
                    () -> internalResponses.storeAsync(key, response, seconds));
        }

        @Override
        public CompletionStage<ResponseCache.Hit> lookupAsync(String key) {
            return either(() -> redis.get("response", key).thenApply(this::hit), () -> internalResponses.lookupAsync(key));
        }

        private ResponseCache.Hit hit(String text) {
            CachedResponseCodec.Decoded decoded = text == null ? null : CachedResponseCodec.decode(text);
            if (decoded == null) {
                return null;
            }
            // the replicas' clocks may differ a little: the seconds left are never negative
            long left = Math.max(0, (decoded.expiresMillis() - clock.millis()) / 1000);
            return new ResponseCache.Hit(decoded.response(), left);
        }
    }
}
