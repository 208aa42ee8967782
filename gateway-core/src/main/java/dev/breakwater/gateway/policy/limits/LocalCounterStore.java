package dev.breakwater.gateway.policy.limits;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The counter store in this gateway's memory: {@link KeyedCounters}' fixed windows, with their cap
 * on live counters (a new counter when the cap is reached fails the stage with
 * {@link CounterStoreFullException}). Every stage is complete when returned.
 */
public final class LocalCounterStore implements CounterStore {

    private final KeyedCounters counters;
    private final int cap;

    public LocalCounterStore(KeyedCounters counters) {
        this.counters = counters;
        this.cap = counters.maxCounters();
    }

    /** The counters themselves, for code that counts synchronously in this gateway's memory. */
    public KeyedCounters counters() {
        return counters;
    }

    @Override
    public CompletionStage<CounterState> tryAdd(CounterKey key, long limit, long amount) {
        KeyedCounters.Window window = window(key);
        if (window == null) {
            return full();
        }
        long now = counters.clock().millis();
        long count = window.tryAdd(now, limit, amount);
        return CompletableFuture.completedFuture(new CounterState(count >= 0, count >= 0 ? count : window.count(now),
                window.millisToRenewal(now)));
    }

    @Override
    public CompletionStage<CounterState> add(CounterKey key, long amount) {
        KeyedCounters.Window window = window(key);
        if (window == null) {
            return full();
        }
        long now = counters.clock().millis();
        return CompletableFuture.completedFuture(new CounterState(true, window.add(now, amount),
                window.millisToRenewal(now)));
    }

    @Override
    public CompletionStage<CounterState> read(CounterKey key) {
        KeyedCounters.Window window = window(key);
        if (window == null) {
            return full();
        }
        long now = counters.clock().millis();
        return CompletableFuture.completedFuture(new CounterState(true, window.count(now), window.millisToRenewal(now)));
    }

    private KeyedCounters.Window window(CounterKey key) {
        return counters.counter(key.name(), key.periodMillis(), key.anchorMillis());
    }

    private CompletionStage<CounterState> full() {
        return CompletableFuture.failedFuture(new CounterStoreFullException(cap));
    }
}
