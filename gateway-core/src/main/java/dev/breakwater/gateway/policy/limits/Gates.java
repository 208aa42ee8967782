package dev.breakwater.gateway.policy.limits;

import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Steps;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a request through its {@link Gate}s in order, over a {@link CounterStore} whose answers may
 * come later. A stage that is already complete (the local store's, always) is read at once: no
 * pending outcome and no continuation are made, so the fast path is a plain method call. A stage
 * that is not complete yet makes the step pending and the rest runs on the thread that completes it;
 * no thread waits. When a gate refuses, what the earlier gates counted is given back (a refused call
 * is not counted) and the step fails with the verdict's error.
 */
public final class Gates {

    /** What the step makes of the gates' answers. */
    public interface Verdict {
        /**
         * Every gate let the request through: {@code counts[i]} is gate i's window count after it, and
         * {@code millisToRenewal[i]} when that window ends ({@code Long.MAX_VALUE}: never), for a verdict
         * that must know which window it counted in (the token limits give back an over-estimate only there).
         */
        Outcome passed(long[] counts, long[] millisToRenewal) throws PolicyException;

        /** Gate {@code gate} is full; its window ends in {@code millisToRenewal} ({@code Long.MAX_VALUE}: never). */
        PolicyException refused(int gate, long millisToRenewal);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Gates.class);

    private Gates() {
    }

    /**
     * @param source the policy's element name: the source of the error when the store is unavailable
     */
    public static Outcome run(String source, CounterStore store, Gate[] gates, Verdict verdict) throws PolicyException {
        return from(source, store, gates, 0, new long[gates.length], new long[gates.length], verdict);
    }

    private static Outcome from(String source, CounterStore store, Gate[] gates, int first, long[] counts,
                                long[] renewals, Verdict verdict) throws PolicyException {
        for (int i = first; i < gates.length; i++) {
            Gate gate = gates[i];
            CompletableFuture<CounterState> answer = (gate.countNow()
                    ? store.tryAdd(gate.counter(), gate.limit(), gate.amount())
                    : store.read(gate.counter())).toCompletableFuture();
            if (!answer.isDone()) {
                int at = i;
                return Outcome.pending(answer.handle((state, failure) -> {
                    try {
                        judge(source, store, gates, at, counts, renewals, state, failure, verdict);
                        return Steps.settle(from(source, store, gates, at + 1, counts, renewals, verdict));
                    } catch (PolicyException e) {
                        return CompletableFuture.<Outcome>failedFuture(e);
                    }
                }).thenCompose(next -> next));
            }
            CounterState state = null;
            Throwable failure = null;
            try {
                state = answer.join();
            } catch (CompletionException | CancellationException e) {
                failure = e;
            }
            judge(source, store, gates, i, counts, renewals, state, failure, verdict);
        }
        return verdict.passed(counts, renewals);
    }

    /** Records gate {@code at}'s count, or gives back what came before and throws the refusal. */
    private static void judge(String source, CounterStore store, Gate[] gates, int at, long[] counts,
                              long[] renewals, CounterState state, Throwable failure, Verdict verdict) throws PolicyException {
        Gate gate = gates[at];
        if (failure != null) {
            Throwable cause = Steps.cause(failure);
            giveBack(store, gates, at);
            if (cause instanceof CounterStoreFullException) {
                throw verdict.refused(at, gate.counter().wholeWindow());
            }
            if (cause instanceof CounterStoreUnavailableException) {
                // counters.redis.unavailable=refuse: the shared store's outage, logged once by the store
                throw new PolicyException(source, "CounterStoreUnavailable", 503,
                        "The counters of " + source + " cannot be reached; try again later");
            }
            LOG.warn("{}: the counter store failed: {}", source, cause.toString());
            throw new PolicyException(source, "CounterStoreUnavailable", 500,
                    "The counters of " + source + " cannot be reached");
        }
        boolean full = gate.countNow() ? !state.accepted() : state.count() >= gate.limit();
        if (full) {
            giveBack(store, gates, at);
            throw verdict.refused(at, state.millisToRenewal());
        }
        counts[at] = state.count();
        renewals[at] = state.millisToRenewal();
    }

    /**
     * Adds {@code amount} once the request was let in (a conditional call, the bytes at the end):
     * nobody waits for it, and a failure is only logged, as the request is past its gates.
     */
    static void addLater(String source, CounterStore store, CounterKey key, long amount) {
        store.add(key, amount).whenComplete((state, failure) -> {
            if (failure != null) {
                LOG.warn("{}: a count made after the request was let in was lost: {}", source, failure.toString());
            }
        });
    }

    /** Undoes the counts of the gates before {@code at} that counted; nobody waits for it. */
    private static void giveBack(CounterStore store, Gate[] gates, int at) {
        for (int i = 0; i < at; i++) {
            if (gates[i].countNow()) {
                store.add(gates[i].counter(), -gates[i].amount()).whenComplete((state, failure) -> {
                    if (failure != null) {
                        LOG.debug("a count could not be given back: {}", failure.toString());
                    }
                });
            }
        }
    }
}
