package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * How the cache policies go on after a cache's answer: at once when it is already there (the
 * internal cache), as a pending outcome when it is not (Redis), so that no thread waits for it.
 */
final class CacheStages {

    /** What to do with a cache's answer. */
    interface Then<T> {
        Outcome apply(T answer) throws PolicyException;
    }

    private CacheStages() {
    }

    /** Continues once {@code stage} completed, whatever it answered. */
    static Outcome continueAfter(CompletionStage<?> stage) throws PolicyException {
        return then(stage, answer -> Outcome.CONTINUE);
    }

    /** The outcome of {@code then} applied to the answer: now when it is there, else pending. */
    static <T> Outcome then(CompletionStage<T> stage, Then<T> then) throws PolicyException {
        CompletableFuture<T> future = stage.toCompletableFuture();
        if (future.isDone() && !future.isCompletedExceptionally()) {
            return then.apply(future.join());
        }
        return Outcome.pending(future.thenCompose(answer -> {
            try {
                return CompletableFuture.completedFuture(then.apply(answer));
            } catch (PolicyException e) {
                return CompletableFuture.<Outcome>failedFuture(e);
            }
        }));
    }
}
