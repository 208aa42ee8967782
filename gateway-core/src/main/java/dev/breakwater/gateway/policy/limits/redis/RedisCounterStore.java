package dev.breakwater.gateway.policy.limits.redis;

import dev.breakwater.gateway.policy.limits.CounterKey;
import dev.breakwater.gateway.policy.limits.CounterState;
import dev.breakwater.gateway.policy.limits.CounterStore;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Counters in Redis, shared by every gateway replica that uses the same Redis and gateway name.
 * Each operation is one Lua script run atomically by the server ({@code counter.lua}), so two
 * replicas cannot both take a window's last call. Keys are
 * {@code breakwater:<gateway name>:counter:<counter name>} (a hash holding the anchor when windows
 * start at first use, so every replica shares one window start) and {@code …:<window index>} for
 * each window's count, which expires when its window ends: a new window is a new key.
 *
 * <p>Time is the gateway's clock, sent with each operation: windows are where the replicas' clocks
 * say (keep them in sync, as NTP does), and tests can move time. Commands go out through Lettuce's
 * asynchronous API; no thread waits for Redis. The answers complete on {@code executor}, not on
 * Lettuce's I/O thread, as what follows them is the rest of a request's pipeline.
 */
public final class RedisCounterStore implements CounterStore {

    /** Counter names longer than this (a counter key from a long header) are keyed by their SHA-256. */
    static final int MAX_NAME_IN_KEY = 200;
    private static final LuaScript SCRIPT = LuaScript.load("counter.lua");

    private final RedisConnector connector;
    private final String prefix;
    private final Clock clock;
    private final Executor executor;

    /**
     * @param gatewayName the namespace of the keys: replicas of one gateway share it
     * @param executor    where answers complete (threads that never wait)
     */
    public RedisCounterStore(RedisConnector connector, String gatewayName, Clock clock, Executor executor) {
        this.connector = connector;
        this.prefix = "breakwater:" + gatewayName + ":counter:";
        this.clock = clock;
        this.executor = executor;
    }

    @Override
    public CompletionStage<CounterState> tryAdd(CounterKey key, long limit, long amount) {
        return run(key, "try", limit, amount);
    }

    @Override
    public CompletionStage<CounterState> add(CounterKey key, long amount) {
        return run(key, "add", 0, amount);
    }

    @Override
    public CompletionStage<CounterState> read(CounterKey key) {
        return run(key, "read", 0, 0);
    }

    @Override
    public String storeName() {
        return "redis";
    }

    /** The Redis key of a counter (its windows' keys add {@code :<index>}). */
    String keyOf(String counterName) {
        return prefix + (counterName.length() <= MAX_NAME_IN_KEY ? counterName : "sha256:" + sha256Hex(counterName));
    }

    private CompletionStage<CounterState> run(CounterKey key, String op, long limit, long amount) {
        RedisAsyncCommands<String, String> commands = connector.commands();
        if (commands == null) {
            return CompletableFuture.failedFuture(new RedisUnreachableException("not connected"));
        }
        String[] keys = {keyOf(key.name())};
        String[] args = {op, Long.toString(clock.millis()), Long.toString(Math.max(0, key.periodMillis())),
                key.anchorMillis() == null ? "" : Long.toString(key.anchorMillis()), Long.toString(limit),
                Long.toString(amount)};
        CompletableFuture<List<Long>> answer = SCRIPT.run(commands, keys, args);
        // handleAsync, not thenApplyAsync: a failure too must reach the pipeline off Lettuce's I/O thread
        return answer.handleAsync((result, failure) -> {
            if (failure != null) {
                throw new CompletionException(RedisConnector.cause(failure));
            }
            return state(result);
        }, executor);
    }

    private static CounterState state(List<Long> result) {
        long ttl = result.get(2);
        return new CounterState(result.get(0) == 1, result.get(1), ttl < 0 ? Long.MAX_VALUE : ttl);
    }

    static String sha256Hex(String text) {
        return LuaScript.hex("SHA-256", text);
    }
}
