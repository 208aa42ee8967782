package dev.breakwater.gateway.policy.limits.redis;

import dev.breakwater.gateway.policy.limits.CounterKey;
import dev.breakwater.gateway.policy.limits.CounterState;
import dev.breakwater.gateway.policy.limits.CounterStore;
import dev.breakwater.gateway.policy.limits.CounterStoreFullException;
import dev.breakwater.gateway.policy.limits.CounterStoreUnavailableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The counter store of {@code counters.store=redis}: counts in Redis while it answers; when it does
 * not (no connection, a timeout, an error), counts in this gateway's memory instead
 * ({@code counters.redis.unavailable=local}) or refuses ({@code refuse}: the stage fails with
 * {@link CounterStoreUnavailableException}, a 503). An outage is logged once, a WARN when it starts
 * and an INFO when Redis answers again; every operation tries Redis first when a connection is open,
 * so shared counting resumes by itself. While Lettuce has no open connection the fallback answers
 * at once, without a round trip. Counts made locally during an outage stay local: they are not added
 * to Redis afterwards.
 */
public final class SharedCounterStore implements CounterStore, AutoCloseable {

    private final RedisCounterStore redis;
    private final RedisConnector connector;
    private final CounterStore local;
    private final boolean refuse;
    private final RedisOutage outage;

    /**
     * @param local  the gateway's own counters: the fallback
     * @param refuse refuse requests while Redis is unreachable, rather than count locally
     */
    public SharedCounterStore(RedisCounterStore redis, RedisConnector connector, CounterStore local, boolean refuse) {
        this(redis, connector, local, refuse, new RedisOutage(refuse));
    }

    /** @param outage shared with limit-concurrency's slots, so that one outage is logged once */
    public SharedCounterStore(RedisCounterStore redis, RedisConnector connector, CounterStore local, boolean refuse,
                              RedisOutage outage) {
        this.outage = outage;
        this.redis = redis;
        this.connector = connector;
        this.local = local;
        this.refuse = refuse;
    }

    @Override
    public CompletionStage<CounterState> tryAdd(CounterKey key, long limit, long amount) {
        return either(store -> store.tryAdd(key, limit, amount));
    }

    @Override
    public CompletionStage<CounterState> add(CounterKey key, long amount) {
        return either(store -> store.add(key, amount));
    }

    @Override
    public CompletionStage<CounterState> read(CounterKey key) {
        return either(store -> store.read(key));
    }

    @Override
    public String storeName() {
        return "redis";
    }

    /** Whether Redis answered the last operation (and a connection is open). */
    @Override
    public boolean available() {
        return !outage.down() && connector.commands() != null;
    }

    private CompletionStage<CounterState> either(Function<CounterStore, CompletionStage<CounterState>> operation) {
        return operation.apply(redis).toCompletableFuture().handle((state, failure) -> {
            if (failure == null) {
                outage.answered();
                return CompletableFuture.completedFuture(state);
            }
            Throwable cause = RedisConnector.cause(failure);
            if (cause instanceof CounterStoreFullException) {
                return CompletableFuture.<CounterState>failedFuture(cause);
            }
            outage.failed(cause);
            return refuse
                    ? CompletableFuture.<CounterState>failedFuture(
                            new CounterStoreUnavailableException("the shared counters cannot be reached"))
                    : operation.apply(local).toCompletableFuture();
        }).thenCompose(next -> next);
    }

    @Override
    public void close() {
        connector.close();
    }
}
