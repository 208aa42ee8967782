package dev.breakwater.gateway.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.LockFreeExponentiallyDecayingReservoir;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The request metrics of a gateway, in its registry: timers of all requests, per API and per
 * operation; responses by status class per API; backend time and the gateway's own time
 * (total minus backend) per API; requests in flight. Names read as a tree:
 * {@code api.<id>.requests}, {@code api.<id>.operation.<id>.requests}, {@code api.<id>.responses.2xx}.
 */
public final class GatewayMetrics implements RequestObserver {

    private final MetricRegistry registry;
    private final Timer requests;
    private final Counter inFlight;
    private final Map<String, ApiMetrics> apis = new ConcurrentHashMap<>();

    public GatewayMetrics(MetricRegistry registry) {
        this.registry = registry;
        this.requests = timer("requests");
        this.inFlight = registry.counter("requests.inFlight");
    }

    @Override
    public void requestStarted() {
        inFlight.inc();
    }

    @Override
    public void requestEnded(RequestRecord record) {
        inFlight.dec();
        requests.update(record.totalNanos(), TimeUnit.NANOSECONDS);
        if (record.api() != null) {
            apis.computeIfAbsent(record.api(), ApiMetrics::new).record(record);
        }
    }

    /** Timers with a lock-free reservoir: they are updated by every request thread at once. */
    private Timer timer(String name) {
        return registry.timer(name, () -> new Timer(LockFreeExponentiallyDecayingReservoir.builder().build()));
    }

    /** The metrics of one API. */
    private final class ApiMetrics {
        private final String prefix;
        private final Timer total;
        private final Timer backend;
        private final Timer overhead;
        private final Meter[] byClass = new Meter[5];
        private final Map<String, Timer> operations = new ConcurrentHashMap<>();

        ApiMetrics(String api) {
            prefix = MetricRegistry.name("api", api);
            total = timer(prefix + ".requests");
            backend = timer(prefix + ".backend");
            overhead = timer(prefix + ".overhead");
            for (int i = 0; i < byClass.length; i++) {
                byClass[i] = registry.meter(prefix + ".responses." + (i + 1) + "xx");
            }
        }

        void record(RequestRecord record) {
            total.update(record.totalNanos(), TimeUnit.NANOSECONDS);
            if (record.backendNanos() >= 0) {
                backend.update(record.backendNanos(), TimeUnit.NANOSECONDS);
                overhead.update(Math.max(0, record.totalNanos() - record.backendNanos()), TimeUnit.NANOSECONDS);
            }
            int statusClass = record.status() / 100;
            if (statusClass >= 1 && statusClass <= 5) {
                byClass[statusClass - 1].mark();
            }
            if (record.operation() != null) {
                operations.computeIfAbsent(record.operation(),
                        operation -> timer(prefix + ".operation." + operation + ".requests"))
                        .update(record.totalNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }
}
