package dev.breakwater.gateway.policy.builtin;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;

/**
 * Reads what emit-metric and llm-emit-token-metric recorded into a test's registry (see
 * {@link dev.breakwater.gateway.metrics.CustomMetrics}): a series' count and sum, failing with the
 * registry's names when the series is missing, so a wrong name or dimension says what is there.
 */
final class RecordedSeries {

    private final MetricRegistry registry;

    RecordedSeries(MetricRegistry registry) {
        this.registry = registry;
    }

    /** How many values were recorded into {@code series}. */
    long count(String series) {
        Counter counter = registry.getCounters().get(series + ".count");
        assertNotNull(counter, "no series " + series + " in " + registry.getNames());
        return counter.getCount();
    }

    /** The sum of the values recorded into {@code series}. */
    double sum(String series) {
        Gauge<?> gauge = registry.getGauges().get(series + ".sum");
        assertNotNull(gauge, "no series " + series + " in " + registry.getNames());
        return ((Number) gauge.getValue()).doubleValue();
    }
}
