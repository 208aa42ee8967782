package dev.breakwater.gateway.telemetry;

import java.util.List;

/** What a gateway instance sends the management plane: its buckets, oldest first. */
public record TelemetryReport(String instanceId, List<TelemetryBucket> buckets) {

    public TelemetryReport {
        buckets = buckets == null ? List.of() : List.copyOf(buckets);
    }
}
