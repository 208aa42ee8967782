package dev.breakwater.gateway.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * One series of a custom metric (emit-metric): one metric name and one set of dimension values.
 * It counts what was emitted and sums the values; in the registry it is two metrics,
 * {@code <name>.count} (this series' counter) and {@code <name>.sum} (this object, a gauge of the
 * sum: Dropwizard's counters hold whole numbers, the values are doubles). The Prometheus endpoint
 * writes the pair as one summary with the dimensions as labels.
 */
public final class CustomSeries implements Gauge<Double> {

    private final String namespace;
    private final String name;
    private final List<String> dimensionNames;
    private final List<String> dimensionValues;
    private final Counter count = new Counter();
    private final DoubleAdder sum = new DoubleAdder();

    CustomSeries(String namespace, String name, List<String> dimensionNames, List<String> dimensionValues) {
        this.namespace = namespace;
        this.name = name;
        this.dimensionNames = dimensionNames;
        this.dimensionValues = dimensionValues;
    }

    void record(double value) {
        count.inc();
        sum.add(value);
    }

    /** The sum of the values emitted. */
    @Override
    public Double getValue() {
        return sum.sum();
    }

    /** How many values were emitted. */
    public long count() {
        return count.getCount();
    }

    Counter counter() {
        return count;
    }

    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    public List<String> dimensionNames() {
        return dimensionNames;
    }

    public List<String> dimensionValues() {
        return dimensionValues;
    }
}
