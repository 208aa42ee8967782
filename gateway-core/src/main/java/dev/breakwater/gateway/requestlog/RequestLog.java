package dev.breakwater.gateway.requestlog;

import dev.breakwater.gateway.config.JsonText;
import dev.breakwater.gateway.metrics.RequestObserver;
import dev.breakwater.gateway.metrics.RequestRecord;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per request on the logger {@value #LOGGER}. Headers are never logged, so no
 * Authorization or subscription key header can leak; query parameters that carry secrets
 * (subscription-key, tokens, signatures...) are written as {@code REDACTED}.
 */
public final class RequestLog implements RequestObserver {

    public static final String LOGGER = "breakwater.requests";
    static final Set<String> SECRET_PARAMETERS = Set.of("subscription-key", "access_token", "id_token", "token",
            "api-key", "api_key", "apikey", "key", "code", "sig", "signature", "client_secret", "password", "secret");

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final String gateway;
    private final double sample;

    /**
     * @param gateway the gateway's name, or {@code null}
     * @param sample  the share of requests logged, 0 to 1
     */
    public RequestLog(String gateway, double sample) {
        this.gateway = gateway;
        this.sample = sample;
    }

    @Override
    public void requestEnded(RequestRecord record) {
        if (!LOG.isInfoEnabled() || (sample < 1 && ThreadLocalRandom.current().nextDouble() >= sample)) {
            return;
        }
        LOG.info(line(record, gateway));
    }

    /** The line of one request: absent values are left out. */
    static String line(RequestRecord record, String gateway) {
        JsonText line = new JsonText().field("time", record.time().toString()).field("requestId", record.requestId())
                .field("gateway", gateway).field("api", record.api()).field("operation", record.operation())
                .field("method", record.method()).field("url", url(record.rawPath(), record.rawQuery()))
                .field("status", record.status());
        if (record.backendStatus() >= 0) {
            line.field("backendStatus", record.backendStatus());
        }
        line.field("totalMs", millis(record.totalNanos()));
        if (record.backendNanos() >= 0) {
            line.field("backendMs", millis(record.backendNanos()));
        }
        return line.field("clientIp", record.clientAddress()).field("bytesIn", record.bytesIn())
                .field("bytesOut", record.bytesOut()).close();
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    /** The path and query, with the values of secret-bearing parameters replaced. */
    static String url(String rawPath, String rawQuery) {
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
            if (equals >= 0 && SECRET_PARAMETERS.contains(decode(rawName).toLowerCase(Locale.ROOT))) {
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
