package dev.breakwater.gateway.policy.limits;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token counters of llm-token-limit (and azure-openai-token-limit), in the gateway's
 * {@link CounterStore} like every other limit's, so that a store shared by several gateways shares
 * them too. A counter belongs to one policy (its place, stable across revisions) and one counter-key
 * value. The per-minute window starts at the key's first use, as rate-limit-by-key's; the quota's
 * window is the calendar period that holds now (its start is part of the counter's name, so a new
 * period is a new counter and the old one is dropped once it has passed).
 *
 * <p>A request passes through its counters as {@link Gate}s ({@link #gate}); what it counted is then
 * a {@link Window}, which the response's {@code usage} corrects later without anyone waiting.
 */
public final class TokenCounters {

    private static final long MINUTE = 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(TokenCounters.class);

    private final CounterStore store;
    private final Clock clock;

    public TokenCounters(CounterStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Where the counters are. */
    public CounterStore store() {
        return store;
    }

    /** The per-minute counter of this policy and key. */
    public CounterKey minute(String identity, String key) {
        return new CounterKey(identity + "|tpm|" + key, MINUTE, null);
    }

    /** The quota counter of this policy and key for the calendar period that holds now. */
    public CounterKey quota(String identity, TokenQuotaPeriod period, String key) {
        Instant start = period.start(clock.instant());
        long startMillis = start.toEpochMilli();
        long length = period.end(start).toEpochMilli() - startMillis;
        return new CounterKey(identity + "|quota|" + period + "|" + startMillis + "|" + key, length, startMillis);
    }

    /**
     * What a request must pass on {@code counter}: with an estimate, room for it, counted at once as
     * one store step ({@code count + estimate <= limit}); with none, a window not full yet
     * ({@code count < limit}), counting nothing. An estimate larger than the limit never fits.
     */
    public static Gate gate(CounterKey counter, long limit, long estimate) {
        return estimate <= 0 ? new Gate(counter, limit, 0, false)
                : new Gate(counter, limit - estimate + 1, estimate, true);
    }

    /**
     * What a request was let in with on one counter: its window's count then and where that window
     * ends, for the headers and variables and for the correction once the response's usage is known.
     *
     * @param millisToRenewal what the store said was left of the window
     */
    public Window window(CounterKey counter, long limit, long count, long millisToRenewal) {
        long now = clock.millis();
        long end = millisToRenewal == Long.MAX_VALUE ? Long.MAX_VALUE : now + millisToRenewal;
        return new Window(counter, limit, count, end);
    }

    /** One counter as one request sees it. Thread-safe: the correction may come on another thread. */
    public final class Window {
        private final CounterKey counter;
        private final long limit;
        private final long end;
        private volatile long count;

        private Window(CounterKey counter, long limit, long count, long end) {
            this.counter = counter;
            this.limit = limit;
            this.count = count;
            this.end = end;
        }

        /** The tokens left in the window as last known (this request's counted), never below zero. */
        public long remaining() {
            return Math.max(0, limit - count);
        }

        /**
         * Adds {@code amount} to the counter; a negative one gives back what an estimate took beyond what
         * was used, and only while the window it was taken in lasts (a new window starts from zero). Nobody
         * waits: a store that answers at once updates what {@link #remaining} says, one that answers later
         * leaves the count reckoned here, and a failure is logged (the count is lost, not the request).
         */
        public void correct(long amount) {
            if (amount == 0 || (amount < 0 && clock.millis() >= end)) {
                return;
            }
            count = Math.max(0, count + amount);
            CompletableFuture<CounterState> answer = store.add(counter, amount).toCompletableFuture();
            if (answer.isDone() && !answer.isCompletedExceptionally()) {
                count = answer.join().count();
                return;
            }
            answer.whenComplete((state, failure) -> {
                if (failure != null) {
                    LOG.warn("a token count made after the response was lost: {}", failure.toString());
                }
            });
        }
    }
}
