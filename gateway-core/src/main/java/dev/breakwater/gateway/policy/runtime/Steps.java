package dev.breakwater.gateway.policy.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Runs steps in order until one does not say continue. A step that waits makes the whole run
 * pending; the rest runs when its stage completes, on the thread that completes it. Composite
 * policies (choose, retry, the sections themselves) run their children through here.
 */
public final class Steps {

    private Steps() {
    }

    /** Runs {@code steps} from the first. */
    public static Outcome run(Step[] steps, PolicyContext context) throws PolicyException {
        return runFrom(steps, 0, context);
    }

    private static Outcome runFrom(Step[] steps, int first, PolicyContext context) throws PolicyException {
        for (int i = first; i < steps.length; i++) {
            Outcome outcome = steps[i].run(context);
            if (outcome == Outcome.CONTINUE) {
                continue;
            }
            if (!outcome.isPending()) {
                return outcome;
            }
            int next = i + 1;
            return Outcome.pending(outcome.stage().thenCompose(settled ->
                    settled == Outcome.CONTINUE ? resume(steps, next, context) : CompletableFuture.completedFuture(settled)));
        }
        return Outcome.CONTINUE;
    }

    /** The rest of a run after a wait, as a stage (a further wait is chained, not nested in a thread). */
    private static CompletionStage<Outcome> resume(Step[] steps, int next, PolicyContext context) {
        try {
            return settle(runFrom(steps, next, context));
        } catch (PolicyException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A stage of the outcome: itself when pending, else a completed one. */
    public static CompletionStage<Outcome> settle(Outcome outcome) {
        return outcome.isPending() ? outcome.stage() : CompletableFuture.completedFuture(outcome);
    }

    /** The {@link PolicyException} (or other failure) behind a failed stage's exception. */
    public static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
