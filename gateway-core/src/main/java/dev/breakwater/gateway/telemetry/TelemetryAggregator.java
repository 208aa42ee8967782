package dev.breakwater.gateway.telemetry;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.UniformReservoir;
import dev.breakwater.gateway.metrics.RequestObserver;
import dev.breakwater.gateway.metrics.RequestRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Adds every request to the aggregate of its API and period (a minute by default). Latency
 * percentiles come from a uniform sample of 1,028 requests per bucket, so memory stays bounded
 * at any rate.
 */
public final class TelemetryAggregator implements RequestObserver {

    private record Key(long period, String api) {
    }

    private final long periodMillis;

    /** @param period the length of a bucket */
    public TelemetryAggregator(Duration period) {
        this.periodMillis = period.toMillis();
    }

    private static final class Aggregate {
        final LongAdder count = new LongAdder();
        final LongAdder errors = new LongAdder();
        final Histogram micros = new Histogram(new UniformReservoir());
        final LongAccumulator max = new LongAccumulator(Math::max, 0);
    }

    private final Map<Key, Aggregate> buckets = new ConcurrentHashMap<>();

    @Override
    public void requestEnded(RequestRecord record) {
        if (record.api() == null) {
            return; // aggregates are per API; requests no API matched are counted in the metrics
        }
        Aggregate aggregate = buckets.computeIfAbsent(
                new Key(record.time().toEpochMilli() / periodMillis, record.api()), key -> new Aggregate());
        long micros = record.totalNanos() / 1000;
        aggregate.count.increment();
        if (record.status() >= 500) {
            aggregate.errors.increment();
        }
        aggregate.micros.update(micros);
        aggregate.max.accumulate(micros);
    }

    /** Takes out every bucket of a period that ended by {@code now}. */
    public List<TelemetryBucket> drainFinished(Instant now) {
        long current = now.toEpochMilli() / periodMillis;
        List<TelemetryBucket> drained = new ArrayList<>();
        for (Iterator<Map.Entry<Key, Aggregate>> it = buckets.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Aggregate> entry = it.next();
            if (entry.getKey().period() < current) {
                it.remove();
                Aggregate aggregate = entry.getValue();
                Snapshot snapshot = aggregate.micros.getSnapshot();
                drained.add(new TelemetryBucket(Instant.ofEpochMilli(entry.getKey().period() * periodMillis),
                        entry.getKey().api(),
                        aggregate.count.sum(), aggregate.errors.sum(), snapshot.getMedian() / 1000.0,
                        snapshot.getValue(0.9) / 1000.0, snapshot.get99thPercentile() / 1000.0,
                        aggregate.max.get() / 1000.0));
            }
        }
        return drained;
    }
}
