package dev.breakwater.gateway.metrics;

import com.codahale.metrics.MetricRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The custom metrics that emit-metric writes into the gateway's registry, one {@link CustomSeries}
 * per metric and set of dimension values, named
 * {@code custom.<namespace>.<name>[<dimension>=<value>;...].count} and {@code ....sum}. Dimension
 * values come from requests, so their number is bounded: a metric has at most
 * {@link #MAX_SERIES_PER_METRIC} series; the values of any further combination are counted in one
 * series whose dimension values are all {@value #OVERFLOW}, and the first such emit is logged.
 * Values are cut at {@link #MAX_DIMENSION_VALUE_CHARS} characters. Series live as long as the
 * gateway, across configuration revisions, as counters should.
 */
public final class CustomMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(CustomMetrics.class);

    /** The prefix of every custom metric's name in the registry. */
    public static final String PREFIX = "custom.";
    /** The most series one metric (namespace and name) may have, beyond which values go to the overflow series. */
    public static final int MAX_SERIES_PER_METRIC = 1000;
    /** The most characters of a dimension value that are kept. */
    public static final int MAX_DIMENSION_VALUE_CHARS = 256;
    /** The dimension values of the overflow series. */
    public static final String OVERFLOW = "(overflow)";

    private final MetricRegistry registry;
    private final Map<List<String>, Family> families = new ConcurrentHashMap<>();

    public CustomMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /**
     * Adds one value to the series of these dimension values.
     *
     * @param names  the dimension names, in the policy's order
     * @param values their values, as many
     */
    public void record(String namespace, String name, List<String> names, List<String> values, double value) {
        Family family = families.computeIfAbsent(List.of(namespace, name), id -> new Family(namespace, name));
        family.series(names, values).record(value);
    }

    /** The registry name of a series without its {@code .count} or {@code .sum}. */
    public static String registryName(String namespace, String name, List<String> names, List<String> values) {
        StringBuilder text = new StringBuilder(PREFIX).append(escape(namespace)).append('.').append(escape(name));
        if (!names.isEmpty()) {
            text.append('[');
            for (int i = 0; i < names.size(); i++) {
                text.append(i == 0 ? "" : ";").append(escape(names.get(i))).append('=').append(escape(values.get(i)));
            }
            text.append(']');
        }
        return text.toString();
    }

    /**
     * The Prometheus label a dimension name becomes on {@code /metrics}: letters, digits and '_'
     * ({@code Client IP} → {@code Client_IP}).
     */
    public static String labelName(String dimension) {
        return CustomMetricsCollector.labelName(dimension);
    }

    /** Escapes what separates the parts of a name, so that two series never share one. */
    private static String escape(String part) {
        StringBuilder text = new StringBuilder(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '\\' || c == '.' || c == '[' || c == ']' || c == ';' || c == '=') {
                text.append('\\');
            }
            text.append(c);
        }
        return text.toString();
    }

    /** The series of one metric, bounded in number. */
    private final class Family {
        private final String namespace;
        private final String name;
        private final Map<List<String>, CustomSeries> series = new ConcurrentHashMap<>();
        private int bounded;
        private boolean overflowLogged;

        Family(String namespace, String name) {
            this.namespace = namespace;
            this.name = name;
        }

        CustomSeries series(List<String> names, List<String> rawValues) {
            List<String> values = new ArrayList<>(rawValues.size());
            for (String value : rawValues) {
                String text = value == null ? "" : value;
                values.add(text.length() > MAX_DIMENSION_VALUE_CHARS ? text.substring(0, MAX_DIMENSION_VALUE_CHARS) : text);
            }
            List<String> key = new ArrayList<>(names);
            key.addAll(values);
            CustomSeries existing = series.get(key);
            return existing != null ? existing : create(names, values, key);
        }

        /** New series are rare: made under a lock, so the bound is exact. */
        private synchronized CustomSeries create(List<String> names, List<String> values, List<String> key) {
            CustomSeries existing = series.get(key);
            if (existing != null) {
                return existing;
            }
            if (bounded >= MAX_SERIES_PER_METRIC) {
                List<String> overflow = Collections.nCopies(names.size(), OVERFLOW);
                if (!overflowLogged) {
                    overflowLogged = true;
                    LOG.warn("custom metric '{}' in namespace '{}' has {} series, its most: further dimension values are "
                            + "counted as '{}'", name, namespace, MAX_SERIES_PER_METRIC, OVERFLOW);
                }
                List<String> overflowKey = new ArrayList<>(names);
                overflowKey.addAll(overflow);
                CustomSeries spill = series.get(overflowKey);
                return spill != null ? spill : register(names, overflow, overflowKey);
            }
            bounded++;
            return register(names, values, key);
        }

        private CustomSeries register(List<String> names, List<String> values, List<String> key) {
            CustomSeries created = new CustomSeries(namespace, name, List.copyOf(names), List.copyOf(values));
            String base = registryName(namespace, name, names, values);
            registry.register(base + ".count", created.counter());
            registry.register(base + ".sum", created);
            series.put(key, created);
            return created;
        }
    }
}
