package dev.breakwater.gateway.metrics;

import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the custom metrics of a registry (emit-metric's {@link CustomSeries}) for Prometheus as
 * they are meant: one summary family per metric, {@code custom_<namespace>_<name>}, with
 * {@code _count} and {@code _sum}, and the dimensions as labels. Names and label names keep
 * letters, digits and '_' (anything else becomes '_'); series whose names meet that way are added
 * up, so that no configuration can make two families of one name and break the scrape.
 */
final class CustomMetricsCollector implements MultiCollector {

    private final MetricRegistry registry;

    CustomMetricsCollector(MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    public MetricSnapshots collect() {
        Map<String, Map<Labels, double[]>> families = new TreeMap<>();
        for (Metric metric : registry.getMetrics().values()) {
            if (metric instanceof CustomSeries series) {
                String family = PrometheusNaming.sanitizeMetricName(legacyName("custom_" + series.namespace() + "_"
                        + series.name()));
                double[] point = families.computeIfAbsent(family, name -> new LinkedHashMap<>())
                        .computeIfAbsent(labels(series), labels -> new double[2]);
                point[0] += series.count();
                point[1] += series.getValue();
            }
        }
        MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
        families.forEach((name, points) -> {
            List<SummarySnapshot.SummaryDataPointSnapshot> data = new ArrayList<>(points.size());
            points.forEach((labels, point) -> data.add(new SummarySnapshot.SummaryDataPointSnapshot((long) point[0],
                    point[1], Quantiles.EMPTY, labels, Exemplars.EMPTY, 0L)));
            snapshots.metricSnapshot(new SummarySnapshot(new MetricMetadata(name, "emit-metric: how many values and their sum"), data));
        });
        return snapshots.build();
    }

    private static Labels labels(CustomSeries series) {
        Map<String, String> labels = new TreeMap<>();
        for (int i = 0; i < series.dimensionNames().size(); i++) {
            labels.merge(labelName(series.dimensionNames().get(i)), series.dimensionValues().get(i),
                    (first, second) -> first + "," + second);
        }
        return Labels.of(new ArrayList<>(labels.keySet()), new ArrayList<>(labels.values()));
    }

    /**
     * A dimension name as a Prometheus label name: letters, digits and '_', not starting with a digit
     * or with "__" (reserved), and not "quantile" (a summary's own label).
     */
    static String labelName(String dimension) {
        String name = legacyName(dimension);
        while (name.startsWith("__")) {
            name = name.substring(1);
        }
        return name.equals("quantile") ? "quantile_" : name;
    }

    private static String legacyName(String text) {
        StringBuilder name = new StringBuilder(text.length() + 1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            name.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        }
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            name.insert(0, '_');
        }
        return name.toString();
    }
}
