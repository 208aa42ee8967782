package dev.breakwater.gateway.policy.runtime;

import java.util.Map;

/**
 * One message of the {@code trace} policy (or {@code context.Trace}), written with the request's
 * request log line.
 *
 * @param source   what traced it (the trace policy's {@code source})
 * @param severity {@code verbose}, {@code information} or {@code error}
 * @param metadata name and value pairs, possibly empty
 */
public record TraceEntry(String source, String severity, String message, Map<String, String> metadata) {
}
