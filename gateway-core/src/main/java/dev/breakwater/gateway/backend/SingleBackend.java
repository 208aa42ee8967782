package dev.breakwater.gateway.backend;

import dev.breakwater.gateway.tls.CertificateChecks;
import java.util.List;
import java.util.Map;

/**
 * One backend service: its base URL, the credentials every call to it carries (named values already
 * substituted) and its circuit breaker, if it has one.
 *
 * @param url           normalised, without a trailing slash
 * @param headers       added to every call, replacing what the request had under those names
 * @param query         added to every call's query
 * @param authorization the whole {@code Authorization} value ({@code scheme parameter}), or {@code null}
 * @param breaker       {@code null} without a circuit breaker rule
 * @param tls           what is checked of its TLS certificate ({@code tls.validateCertificateChain/Name})
 */
public record SingleBackend(String id, String url, Map<String, List<String>> headers, Map<String, List<String>> query,
                            String authorization, CircuitBreaker breaker, CertificateChecks tls) implements Backend {

    public SingleBackend {
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
        tls = tls == null ? CertificateChecks.ALL : tls;
    }

    /** A backend whose certificate is fully checked. */
    public SingleBackend(String id, String url, Map<String, List<String>> headers, Map<String, List<String>> query,
                         String authorization, CircuitBreaker breaker) {
        this(id, url, headers, query, authorization, breaker, CertificateChecks.ALL);
    }

    @Override
    public SingleBackend select() {
        return available() ? this : null;
    }

    /** Whether requests may go to it now: no breaker, or a closed one. */
    public boolean available() {
        return breaker == null || !breaker.isOpen();
    }

    /** Whether calls to it carry credentials. */
    public boolean hasCredentials() {
        return !headers.isEmpty() || !query.isEmpty() || authorization != null;
    }

    @Override
    public String toString() {
        return "backend '" + id + "'"; // never the credentials
    }
}
