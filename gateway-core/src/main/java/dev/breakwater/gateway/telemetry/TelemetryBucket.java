package dev.breakwater.gateway.telemetry;

import java.time.Instant;

/**
 * The requests of one API in one period ({@code telemetry.bucket}, a minute by default) from
 * {@code start}: count, server errors (5xx), latency percentiles and maximum in milliseconds.
 */
public record TelemetryBucket(Instant start, String api, long count, long errors, double p50Ms, double p90Ms,
                              double p99Ms, double maxMs) {
}
