package dev.breakwater.gateway.policy.limits;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counters of the limits (rate-limit, quota and their by-key forms) in this gateway's memory,
 * for as long as it runs: what {@link LocalCounterStore} counts in. They live in
 * {@code PolicyServices}, so a new configuration revision does not hand every key a fresh allowance. Each counter counts in fixed windows: a window is {@code period} long and starts
 * at {@code anchor + n * period} (rate-limit anchors at the counter's first use, quota at
 * first-period-start). A window that has passed counts as zero.
 *
 * <p>Keys come from requests (a header, a client address), so the number of live counters is bounded:
 * counters whose window has passed are dropped (swept when a new key arrives and the map is at its
 * cap, and every {@link #SWEEP_EVERY} new keys); when every counter is still live and the cap is
 * reached, a new key gets no counter ({@link #counter} returns {@code null}) and the policy refuses
 * the request: the limit never opens silently. That is logged once per episode of being full.
 */
public final class KeyedCounters {

    /** Default cap on live counters: about 100 bytes each, a few megabytes at most. */
    public static final int DEFAULT_MAX_COUNTERS = 100_000;
    static final int SWEEP_EVERY = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(KeyedCounters.class);

    private final ConcurrentHashMap<String, Window> counters = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxCounters;
    private final AtomicLong created = new AtomicLong();
    private final AtomicBoolean fullLogged = new AtomicBoolean();

    public KeyedCounters(Clock clock, int maxCounters) {
        this.clock = clock;
        this.maxCounters = maxCounters;
    }

    public KeyedCounters(Clock clock) {
        this(clock, DEFAULT_MAX_COUNTERS);
    }

    /** The clock windows are measured with (the gateway's; tests set it). */
    public Clock clock() {
        return clock;
    }

    /**
     * The counter of {@code key}, made if it does not exist.
     *
     * @param periodMillis the window's length; {@code 0} for one window that never ends (a lifetime quota)
     * @param anchorMillis where windows start, epoch millis; {@code null} for the counter's first use
     * @return the counter, or {@code null} when the gateway holds its cap of live counters
     */
    public Window counter(String key, long periodMillis, Long anchorMillis) {
        Window existing = counters.get(key);
        if (existing != null) {
            return existing;
        }
        long now = clock.millis();
        if (counters.size() >= maxCounters) {
            sweep(now);
            if (counters.size() >= maxCounters) {
                if (fullLogged.compareAndSet(false, true)) {
                    LOG.warn("rate-limit/quota counters: {} live keys, the cap; requests with new keys are refused "
                            + "until windows pass", maxCounters);
                }
                return null;
            }
        }
        Window made = counters.computeIfAbsent(key, k -> new Window(periodMillis,
                anchorMillis == null ? now : anchorMillis, now));
        if (created.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(now);
        }
        return made;
    }

    /** The cap on live counters. */
    public int maxCounters() {
        return maxCounters;
    }

    /** How many counters are held now. */
    public int size() {
        return counters.size();
    }

    /** Drops the counters whose window has passed with nothing counted since. */
    void sweep(long now) {
        counters.values().removeIf(window -> window.expired(now));
        if (counters.size() < maxCounters && fullLogged.compareAndSet(true, false)) {
            LOG.info("rate-limit/quota counters: below the cap again ({} live keys)", counters.size());
        }
    }

    /** One key's count in its current window. Thread-safe: its methods are synchronized. */
    public static final class Window {
        private final long period;
        private final long anchor;
        private long start;
        private long count;

        Window(long period, long anchor, long now) {
            this.period = period;
            this.anchor = anchor;
            this.start = anchor;
            roll(now);
        }

        /** Moves to the window that holds {@code now}, counting zero, if the current one has passed. */
        private void roll(long now) {
            if (period <= 0 || now < start + period) {
                return;
            }
            long elapsed = Math.max(0, now - anchor);
            start = anchor + (elapsed / period) * period;
            count = 0;
        }

        /** The count of the window that holds {@code now}. */
        public synchronized long count(long now) {
            roll(now);
            return count;
        }

        /** Adds {@code amount} to the current window (a negative one undoes, down to zero); returns the new count. */
        public synchronized long add(long now, long amount) {
            roll(now);
            count = Math.max(0, count + amount);
            return count;
        }

        /**
         * Counts {@code amount} if the window has room ({@code count < limit}), as one step so that two
         * requests cannot both take the last call.
         *
         * @return the new count, or {@code -1} when the window is full
         */
        public synchronized long tryAdd(long now, long limit, long amount) {
            roll(now);
            if (count >= limit) {
                return -1;
            }
            count += amount;
            return count;
        }

        /** Milliseconds until the current window ends; {@code Long.MAX_VALUE} for a window that never ends. */
        public synchronized long millisToRenewal(long now) {
            roll(now);
            return period <= 0 ? Long.MAX_VALUE : start + period - now;
        }

        synchronized boolean expired(long now) {
            return period > 0 && now >= start + period;
        }
    }
}
