package dev.breakwater.gateway.metrics;

/** Requests served since the instance started, by outcome (reported in heartbeats). */
public record RequestCounts(long total, long clientErrors, long serverErrors) {
}
