package dev.breakwater.gateway.policy.cache.redis;

import dev.breakwater.gateway.policy.limits.redis.RedisConnector;
import dev.breakwater.gateway.policy.limits.redis.RedisUnreachableException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Texts by key in Redis, under {@code breakwater:<gateway name>:cache:<region>:<key>}, each with its
 * own expiry ({@code SET ... PX}): the storage of the external cache. A text longer than
 * {@code cache.external.max.value.bytes} (UTF-8) is not stored (logged at debug). Every stage
 * completes on {@code executor}, off Lettuce's I/O thread, and fails when Redis is not connected or
 * does not answer within {@code redis.timeout}: the caller falls back to the internal cache.
 */
final class RedisTextCache {

    private static final Logger LOG = LoggerFactory.getLogger(RedisTextCache.class);

    private final RedisConnector connector;
    private final String prefix;
    private final long maxBytes;
    private final Executor executor;

    RedisTextCache(RedisConnector connector, String gatewayName, long maxBytes, Executor executor) {
        this.connector = connector;
        this.prefix = "breakwater:" + gatewayName + ":cache:";
        this.maxBytes = maxBytes;
        this.executor = executor;
    }

    /** The Redis key of {@code key} in {@code region} ({@code value} or {@code response}). */
    String keyOf(String region, String key) {
        return prefix + region + ":" + key;
    }

    /** Stores {@code text} for {@code millis}; false (nothing sent) when it is too large or the life is not positive. */
    CompletionStage<Boolean> set(String region, String key, String text, long millis) {
        if (millis <= 0) {
            return CompletableFuture.completedFuture(false);
        }
        // a UTF-8 byte is at least one char: only a text near the bound needs counting
        if (text.length() > maxBytes || text.length() * 3L > maxBytes && text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            LOG.debug("external cache: a value of more than {} bytes is not stored", maxBytes);
            return CompletableFuture.completedFuture(false);
        }
        return run(commands -> commands.set(keyOf(region, key), text, SetArgs.Builder.px(millis))
                .thenApply("OK"::equals));
    }

    /** The text under the key, or null. */
    CompletionStage<String> get(String region, String key) {
        return run(commands -> commands.get(keyOf(region, key)));
    }

    /** Removes the key. */
    CompletionStage<Void> delete(String region, String key) {
        return run(commands -> commands.del(keyOf(region, key)).thenApply(count -> (Void) null));
    }

    private <T> CompletionStage<T> run(java.util.function.Function<RedisAsyncCommands<String, String>, CompletionStage<T>> command) {
        RedisAsyncCommands<String, String> commands = connector.commands();
        if (commands == null) {
            return CompletableFuture.failedFuture(new RedisUnreachableException("not connected"));
        }
        // handleAsync: a failure too must leave Lettuce's I/O thread
        return command.apply(commands).handleAsync((result, failure) -> {
            if (failure != null) {
                throw failure instanceof CompletionException c ? c : new CompletionException(failure);
            }
            return result;
        }, executor);
    }
}
