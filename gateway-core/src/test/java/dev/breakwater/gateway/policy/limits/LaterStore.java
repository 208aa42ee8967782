package dev.breakwater.gateway.policy.limits;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A counter store that answers later, as a remote one does: each operation is done on the local
 * store only when the test releases it, so a step meets a stage that is not complete yet.
 */
final class LaterStore implements CounterStore {

    private final LocalCounterStore local;
    private final Deque<Runnable> held = new ArrayDeque<>();

    LaterStore(LocalCounterStore local) {
        this.local = local;
    }

    @Override
    public CompletionStage<CounterState> tryAdd(CounterKey key, long limit, long amount) {
        return later(() -> local.tryAdd(key, limit, amount));
    }

    @Override
    public CompletionStage<CounterState> add(CounterKey key, long amount) {
        return later(() -> local.add(key, amount));
    }

    @Override
    public CompletionStage<CounterState> read(CounterKey key) {
        return later(() -> local.read(key));
    }

    /** How many operations wait for an answer. */
    synchronized int waiting() {
        return held.size();
    }

    /** Answers the oldest operation waiting, on this thread. */
    void releaseOne() {
        Runnable next;
        synchronized (this) {
            next = held.removeFirst();
        }
        next.run();
    }

    private synchronized CompletionStage<CounterState> later(Supplier<CompletionStage<CounterState>> operation) {
        CompletableFuture<CounterState> answer = new CompletableFuture<>();
        held.addLast(() -> operation.get().whenComplete((state, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else {
                answer.complete(state);
            }
        }));
        return answer;
    }
}
