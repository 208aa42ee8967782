package dev.breakwater.gateway.proxy;

import java.time.Clock;
import java.time.Duration;

/**
 * How the gateway servlet treats clients and backends, from the settings.
 *
 * @param forwarded                 which forwarding headers are believed and what the backend gets
 * @param maxResponseHeaderBytes    the largest backend response head accepted; more is a 502
 * @param backendFailureLogInterval how often one failing backend may be warned about
 */
public record ProxyOptions(ForwardedHeaders forwarded, int maxResponseHeaderBytes, Duration backendFailureLogInterval,
                           Clock clock) {

    /** Defaults for tests and embedding: no trusted proxies, 8 KiB of headers, a warning per backend per 10 s. */
    public static ProxyOptions defaults() {
        return new ProxyOptions(ForwardedHeaders.trustingNone(), 8192, Duration.ofSeconds(10), Clock.systemUTC());
    }
}
