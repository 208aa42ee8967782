package dev.breakwater.gateway.metrics;

import dev.breakwater.gateway.policy.runtime.TraceEntry;
import java.time.Instant;
import java.util.List;

/**
 * What happened to one request, handed to every {@link RequestObserver} when it ends.
 *
 * @param api           the API's id, or {@code null} when no API matched
 * @param operation     the operation's id, or {@code null}
 * @param rawPath       the path as the client sent it (may hold secrets in its query: redact before logging)
 * @param rawQuery      the client's raw query string, or {@code null}
 * @param backendStatus the backend's status, or -1 when the request did not reach a backend
 * @param backendNanos  time spent on the backend exchange, or -1
 * @param bytesIn       request body bytes read from the client
 * @param bytesOut      response body bytes written to the client
 * @param traces        the trace policy's messages, possibly none
 * @param keyParameter  the query parameter the API reads subscription keys from (a secret's name: redact it),
 *                      or {@code null} when no API matched
 */
public record RequestRecord(Instant time, String requestId, String api, String operation, String method, String rawPath,
                            String rawQuery, int status, int backendStatus, long totalNanos, long backendNanos,
                            String clientAddress, long bytesIn, long bytesOut, List<TraceEntry> traces,
                            String keyParameter) {

    /** A record of a request that matched no API. */
    public RequestRecord(Instant time, String requestId, String api, String operation, String method, String rawPath,
                         String rawQuery, int status, int backendStatus, long totalNanos, long backendNanos,
                         String clientAddress, long bytesIn, long bytesOut, List<TraceEntry> traces) {
        this(time, requestId, api, operation, method, rawPath, rawQuery, status, backendStatus, totalNanos, backendNanos,
                clientAddress, bytesIn, bytesOut, traces, null);
    }
}
