package dev.breakwater.gateway.requestlog;

import dev.breakwater.gateway.config.JsonText;
import dev.breakwater.gateway.metrics.RequestObserver;
import dev.breakwater.gateway.metrics.RequestRecord;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import dev.breakwater.gateway.policy.runtime.TraceEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per request on the logger {@value #LOGGER}, written in batches (see
 * {@link BatchingLogWriter}): each logging event holds one or more whole lines, so the logger's
 * pattern should be {@code %msg%n}. Headers are never logged, so no Authorization or
 * subscription key header can leak; query parameters whose names carry secrets
 * ({@link SecretNames}) are written as {@code REDACTED}.
 */
public final class RequestLog implements RequestObserver, AutoCloseable {

    public static final String LOGGER = "breakwater.requests";
    /** The longest a line waits before it is written. */
    public static final Duration FLUSH_INTERVAL = Duration.ofMillis(200);

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final Logger DIAGNOSTICS = LoggerFactory.getLogger(RequestLog.class);

    private final String gateway;
    private final double sample;
    private final SecretNames secrets;
    private final BatchingLogWriter writer;

    /**
     * @param gateway the gateway's name, or {@code null}
     * @param sample  the share of requests logged, 0 to 1
     */
    public RequestLog(String gateway, double sample, SecretNames secrets) {
        this.gateway = gateway;
        this.sample = sample;
        this.secrets = secrets;
        this.writer = new BatchingLogWriter(LOG::info, DIAGNOSTICS::warn, FLUSH_INTERVAL);
    }

    @Override
    public void requestEnded(RequestRecord record) {
        if (!LOG.isInfoEnabled() || (sample < 1 && ThreadLocalRandom.current().nextDouble() >= sample)) {
            return;
        }
        writer.add(line(record));
    }

    /** Writes the lines still queued; used at stop. */
    @Override
    public void close() {
        writer.close();
    }

    /** The line of one request: absent values are left out. */
    String line(RequestRecord record) {
        JsonText line = new JsonText().field("time", record.time().toString()).field("requestId", record.requestId())
                .field("gateway", gateway).field("api", record.api()).field("operation", record.operation())
                .field("method", record.method()).field("url", url(record.rawPath(), record.rawQuery(), record.keyParameter()))
                .field("status", record.status());
        if (record.backendStatus() >= 0) {
            line.field("backendStatus", record.backendStatus());
        }
        line.field("totalMs", millis(record.totalNanos()));
        if (record.backendNanos() >= 0) {
            line.field("backendMs", millis(record.backendNanos()));
        }
        line.field("clientIp", record.clientAddress()).field("bytesIn", record.bytesIn())
                .field("bytesOut", record.bytesOut());
        if (!record.traces().isEmpty()) {
            line.raw("traces", traces(record.traces()));
        }
        return line.close();
    }

    /** The trace policy's messages: {@code [{"source":..,"severity":..,"message":..,"metadata":{..}}]}. */
    private static String traces(List<TraceEntry> traces) {
        StringBuilder array = new StringBuilder("[");
        for (TraceEntry trace : traces) {
            JsonText entry = new JsonText().field("source", trace.source()).field("severity", trace.severity())
                    .field("message", trace.message());
            if (!trace.metadata().isEmpty()) {
                JsonText metadata = new JsonText();
                trace.metadata().forEach(metadata::field);
                entry.raw("metadata", metadata.close());
            }
            array.append(array.length() > 1 ? "," : "").append(entry.close());
        }
        return array.append(']').toString();
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    /** The path and query, with the values of secret-bearing parameters replaced. */
    String url(String rawPath, String rawQuery) {
        return url(rawPath, rawQuery, null);
    }

    /**
     * The path and query, with the values of secret-bearing parameters replaced, the API's subscription
     * key parameter ({@code keyParameter}, may be {@code null}) included whatever its name.
     */
    String url(String rawPath, String rawQuery, String keyParameter) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return rawPath;
        }
        StringBuilder url = new StringBuilder(rawPath).append('?');
        String[] pairs = rawQuery.split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i];
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            url.append(i == 0 ? "" : "&");
            String name = equals < 0 ? null : decode(rawName);
            if (name != null && (name.equals(keyParameter) || secrets.isSecret(name))) {
                url.append(rawName).append("=REDACTED");
            } else {
                url.append(pair);
            }
        }
        return url.toString();
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }
}
