package dev.breakwater.gateway.policy.limits.redis;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the shared counters' Redis is in an outage, for every limit that counts there (the counter
 * store and limit-concurrency's slots): one outage is logged once, a WARN when the first operation
 * fails and an INFO when one is answered again, whichever limit notices.
 */
public final class RedisOutage {

    /** The counter store's logger: operators already watch it for this message. */
    private static final Logger LOG = LoggerFactory.getLogger(SharedCounterStore.class);

    private final boolean refuse;
    private final AtomicBoolean down = new AtomicBoolean();

    /** @param refuse whether requests through limits are refused meanwhile (for the message) */
    public RedisOutage(boolean refuse) {
        this.refuse = refuse;
    }

    /** Redis answered an operation: an outage, if there was one, is over. */
    void answered() {
        if (down.compareAndSet(true, false)) {
            LOG.info("counters: Redis answers again; counting is shared again");
        }
    }

    /** An operation did not reach Redis or got no answer. */
    void failed(Throwable cause) {
        if (down.compareAndSet(false, true)) {
            LOG.warn("counters: Redis cannot be reached ({}); {} until it answers again", describe(cause),
                    refuse ? "requests through limits are refused (503)" : "each gateway counts alone");
        }
    }

    /** Whether requests through limits are refused (503) during an outage ({@code counters.redis.unavailable=refuse}). */
    boolean refuses() {
        return refuse;
    }

    /** Whether the last operation failed. */
    boolean down() {
        return down.get();
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
