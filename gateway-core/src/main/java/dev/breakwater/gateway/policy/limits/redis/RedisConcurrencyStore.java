package dev.breakwater.gateway.policy.limits.redis;

import dev.breakwater.gateway.policy.concurrency.ConcurrencySlot;
import dev.breakwater.gateway.policy.concurrency.ConcurrencyStore;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * limit-concurrency's slots in Redis, shared by every replica that uses the same Redis and gateway
 * name. A key's slots are a sorted set {@code breakwater:<gateway name>:concurrency:<key>} of leases:
 * each member is one request's holder id, its score when the lease ends. Acquiring is one Lua script
 * ({@code concurrency.lua}): drop the ended leases, and add one if fewer than max-count remain;
 * releasing removes the member. A gateway that dies holding slots therefore holds them at most one
 * lease ({@code counters.concurrency.lease}); a request holding its slot longer than that is not
 * renewed, and its slot may be given to another request once the lease ends (the lease is meant to be
 * longer than any request holds one).
 *
 * <p>Lease times are the gateway's clock, as the counters' windows are. Answers complete on
 * {@code executor}, off Lettuce's I/O thread; no thread waits for Redis.
 */
public final class RedisConcurrencyStore implements ConcurrencyStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisConcurrencyStore.class);
    private static final LuaScript SCRIPT = LuaScript.load("concurrency.lua");

    private final RedisConnector connector;
    private final String prefix;
    private final Clock clock;
    private final Executor executor;
    private final long leaseMillis;
    /** Holder ids: unique to this gateway process, then to each slot it takes. */
    private final String instance = UUID.randomUUID().toString();
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param gatewayName the namespace of the keys: replicas of one gateway share it
     * @param lease       how long a slot is held at most, should its release never arrive
     * @param executor    where answers complete (threads that never wait)
     */
    public RedisConcurrencyStore(RedisConnector connector, String gatewayName, Clock clock, Executor executor,
                                 Duration lease) {
        this.connector = connector;
        this.prefix = "breakwater:" + gatewayName + ":concurrency:";
        this.clock = clock;
        this.executor = executor;
        this.leaseMillis = lease.toMillis();
    }

    /**
     * @return fails with {@link RedisUnreachableException} at once when there is no connection, or with
     *         Lettuce's failure (a timeout, an error)
     */
    @Override
    public CompletionStage<ConcurrencySlot> acquire(String key, int maxCount) {
        RedisAsyncCommands<String, String> commands = connector.commands();
        if (commands == null) {
            return CompletableFuture.failedFuture(new RedisUnreachableException("not connected"));
        }
        String redisKey = keyOf(key);
        String holder = instance + ":" + sequence.incrementAndGet();
        String[] args = {"acquire", Long.toString(clock.millis()), Long.toString(leaseMillis),
                Integer.toString(maxCount), holder};
        // handleAsync: a failure too must reach the pipeline off Lettuce's I/O thread
        return SCRIPT.run(commands, new String[] {redisKey}, args).handleAsync((result, failure) -> {
            if (failure != null) {
                // a command that timed out may still have been run: its lease must not hold a slot for nothing
                release(redisKey, holder);
                throw new CompletionException(RedisConnector.cause(failure));
            }
            return result.get(0) == 1 ? new RedisSlot(redisKey, holder) : null;
        }, executor);
    }

    /** The Redis key of a limit-concurrency key: long keys (a header's value) by their SHA-256. */
    String keyOf(String key) {
        return prefix + (key.length() <= RedisCounterStore.MAX_NAME_IN_KEY ? key : "sha256:" + RedisCounterStore.sha256Hex(key));
    }

    /** Removes a lease; nobody waits for it. Unsent or lost, the lease ends by itself. */
    private void release(String redisKey, String holder) {
        RedisAsyncCommands<String, String> commands = connector.commands();
        if (commands == null) {
            LOG.debug("limit-concurrency: Redis is not connected; a slot of {} is held until its lease ends", redisKey);
            return;
        }
        CompletableFuture<List<Long>> answer = SCRIPT.run(commands, new String[] {redisKey},
                new String[] {"release", "0", "0", "0", holder});
        answer.whenComplete((result, failure) -> {
            if (failure != null) {
                LOG.debug("limit-concurrency: a slot of {} is held until its lease ends: {}", redisKey,
                        RedisConnector.cause(failure).toString());
            }
        });
    }

    /** A slot held in Redis: released there, once. */
    private final class RedisSlot implements ConcurrencySlot {
        private final String redisKey;
        private final String holder;
        private final AtomicBoolean released = new AtomicBoolean();

        RedisSlot(String redisKey, String holder) {
            this.redisKey = redisKey;
            this.holder = holder;
        }

        @Override
        public void release() {
            if (released.compareAndSet(false, true)) {
                RedisConcurrencyStore.this.release(redisKey, holder);
            }
        }
    }
}
