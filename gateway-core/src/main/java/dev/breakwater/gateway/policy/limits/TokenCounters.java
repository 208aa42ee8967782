package dev.breakwater.gateway.policy.limits;

import java.time.Instant;

/**
 * The token counters of llm-token-limit (and azure-openai-token-limit): the one place that uses the
 * gateway's {@link KeyedCounters}, so that they live as long as the gateway, across configuration
 * revisions, bounded in number like the call counters. A counter belongs to one policy (its place,
 * stable across revisions) and one counter-key value. The per-minute window starts at the key's
 * first use, as rate-limit-by-key's; the quota's window is the calendar period that holds now (its
 * start is part of the counter's name, so a new period is a new counter and the old one is swept
 * once it has passed).
 */
public final class TokenCounters {

    private static final long MINUTE = 60_000;

    private final KeyedCounters counters;

    public TokenCounters(KeyedCounters counters) {
        this.counters = counters;
    }

    /** The per-minute window of this policy and key, or {@code null} when the gateway holds its cap of counters. */
    public Window minute(String identity, String key) {
        KeyedCounters.Window window = counters.counter(identity + "|tpm|" + key, MINUTE, null);
        return window == null ? null : new Window(window);
    }

    /** The quota window of this policy and key for the period that holds now, or {@code null} at the cap. */
    public Window quota(String identity, TokenQuotaPeriod period, String key) {
        Instant start = period.start(counters.clock().instant());
        long startMillis = start.toEpochMilli();
        long length = period.end(start).toEpochMilli() - startMillis;
        KeyedCounters.Window window = counters.counter(identity + "|quota|" + period + "|" + startMillis + "|" + key,
                length, startMillis);
        return window == null ? null : new Window(window);
    }

    /** One counter's current window, read and changed at the gateway's clock. Thread-safe. */
    public final class Window {
        private final KeyedCounters.Window window;
        /** Where the window seen when this was made ends: what was taken in it cannot be given back later. */
        private final long end;

        private Window(KeyedCounters.Window window) {
            this.window = window;
            long now = counters.clock().millis();
            long left = window.millisToRenewal(now);
            this.end = left == Long.MAX_VALUE ? Long.MAX_VALUE : now + left;
        }

        /** The tokens counted in the current window. */
        public long count() {
            return window.count(counters.clock().millis());
        }

        /**
         * Counts {@code amount} if the window has room for it, as one step: with an amount, when
         * {@code count + amount <= limit}; with none (nothing estimated), when {@code count < limit}.
         */
        public boolean tryTake(long limit, long amount) {
            long ceiling = amount <= 0 ? limit : limit - amount + 1;
            return ceiling > 0 && window.tryAdd(counters.clock().millis(), ceiling, Math.max(0, amount)) >= 0;
        }

        /**
         * Adds {@code amount}; a negative one gives back what an estimate took beyond what was used,
         * and only while the window it was taken in lasts (a new window starts from zero).
         */
        public void add(long amount) {
            long now = counters.clock().millis();
            if (amount > 0 || (amount < 0 && now < end)) {
                window.add(now, amount);
            }
        }

        /** Milliseconds until the window renews. */
        public long millisToRenewal() {
            return window.millisToRenewal(counters.clock().millis());
        }
    }
}
