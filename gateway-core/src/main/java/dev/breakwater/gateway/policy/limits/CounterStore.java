package dev.breakwater.gateway.policy.limits;

import java.util.concurrent.CompletionStage;

/**
 * Where the counters of rate-limit, quota, rate-limit-by-key and quota-by-key live: this gateway's
 * memory ({@link LocalCounterStore}), or a store shared by several gateways (Redis, where each
 * operation is one atomic server-side step over an asynchronous client). So every operation answers
 * with a stage: a local store's is complete at once, a remote one's completes when the answer
 * arrives, and the step waiting for it holds no thread ({@link Gates}).
 *
 * <p>A stage may fail with {@link CounterStoreFullException} when the store cannot take one more
 * counter: the request is then refused as over its limit. Any other failure is the store being
 * unavailable.
 */
public interface CounterStore {

    /**
     * Counts {@code amount} if the current window's count is below {@code limit}, as one step, so
     * that two requests cannot both take the last call.
     */
    CompletionStage<CounterState> tryAdd(CounterKey key, long limit, long amount);

    /** Counts {@code amount} whatever the count (bytes known only when the response is done; a negative amount undoes). */
    CompletionStage<CounterState> add(CounterKey key, long amount);

    /** The current window's count, counting nothing. */
    CompletionStage<CounterState> read(CounterKey key);

    /** The store's name as {@code counters.store} gives it, for {@code /status}. */
    default String storeName() {
        return CounterStores.LOCAL;
    }

    /** Whether the store answers now (a shared one may be unreachable); for {@code /status}. */
    default boolean available() {
        return true;
    }
}
