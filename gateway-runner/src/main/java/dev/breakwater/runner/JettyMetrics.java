package dev.breakwater.runner;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The runner's Jetty thread pool in the gateway's registry: {@code jetty.threads.*}. */
final class JettyMetrics {

    private JettyMetrics() {
    }

    static void register(MetricRegistry registry, QueuedThreadPool threads) {
        registry.register("jetty.threads.size", (Gauge<Integer>) threads::getThreads);
        registry.register("jetty.threads.busy", (Gauge<Integer>) threads::getBusyThreads);
        registry.register("jetty.threads.idle", (Gauge<Integer>) threads::getIdleThreads);
        registry.register("jetty.threads.max", (Gauge<Integer>) threads::getMaxThreads);
        registry.register("jetty.threads.queued", (Gauge<Integer>) threads::getQueueSize);
        registry.register("jetty.threads.utilization", (Gauge<Double>) threads::getUtilizationRate);
    }
}
