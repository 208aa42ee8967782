package dev.breakwater.gateway.proxy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns about failing backends without flooding the log: the first failure of a backend is
 * logged at once; later ones within the interval are only counted, and the next failure after
 * it logs one summary with the count. A success after failures says the backend answers again.
 * An outage of one backend under load writes one line per interval, not one per request.
 */
final class BackendFailureLog {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayServlet.class);

    private static final int MAX_TRACKED = 1000;

    private final Clock clock;
    private final Duration interval;
    private final ConcurrentMap<String, Outage> outages = new ConcurrentHashMap<>();

    BackendFailureLog(Clock clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
    }

    /** One failed exchange with a backend ({@code host:port}); returns whether it was warned about. */
    boolean failed(String backend, String requestId, Throwable failure) {
        Instant now = clock.instant();
        if (outages.size() >= MAX_TRACKED && !outages.containsKey(backend)) {
            LOG.debug("backend {} failed (request {}): {}", backend, requestId, failure.toString());
            return false; // backends chosen per request could be endless: the log must stay bounded, and quiet
        }
        Outage outage = outages.computeIfAbsent(backend, key -> new Outage(now));
        String summary = outage.failed(now, interval);
        if (summary == null) {
            return false;
        }
        LOG.warn("backend {} failed{} (request {}): {}", backend, summary, requestId, failure.toString());
        return true;
    }

    /** An exchange with the backend succeeded: ends its outage, if any. */
    void succeeded(String backend) {
        if (outages.isEmpty()) {
            return; // the common case costs one read
        }
        Outage outage = outages.remove(backend);
        if (outage != null) {
            LOG.info("backend {} answers again after {} failed requests since {}", backend, outage.total(),
                    outage.since);
        }
    }

    /** The failures of one backend since it last answered. */
    private static final class Outage {
        private final Instant since;
        private Instant lastLogged;
        private long total;
        private long unlogged;

        Outage(Instant since) {
            this.since = since;
        }

        /** Counts a failure; returns the text to log now, or {@code null} to stay quiet. */
        synchronized String failed(Instant now, Duration interval) {
            total++;
            if (lastLogged != null && now.isBefore(lastLogged.plus(interval))) {
                unlogged++;
                return null;
            }
            String summary = lastLogged == null ? ""
                    : " again; " + unlogged + " more failures since " + lastLogged + " were not logged one by one";
            lastLogged = now;
            unlogged = 0;
            return summary;
        }

        synchronized long total() {
            return total;
        }
    }
}
