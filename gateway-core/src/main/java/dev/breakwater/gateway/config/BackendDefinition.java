package dev.breakwater.gateway.config;

import java.util.List;
import java.util.Map;

/**
 * A backend as APIM models it: a service URL with the credentials every call to it carries, a
 * circuit breaker, or a load-balanced pool of other backends. Policies send a request to one with
 * {@code <set-backend-service backend-id="…"/>}; an API's serviceUrl may name one too.
 *
 * @param url            the base URL (a single backend); absent for a pool
 * @param credentials    headers, query parameters and an Authorization header added to every call
 * @param tls            certificate checks; each is on unless it says false
 * @param circuitBreaker one rule, as APIM allows one
 * @param pool           the backends a pool spreads requests over
 */
public record BackendDefinition(String id, String url, String description, Credentials credentials, Tls tls,
                                CircuitBreaker circuitBreaker, Pool pool) {

    /** APIM's backend credentials; values may reference named values ({@code {{name}}}). */
    public record Credentials(Map<String, List<String>> header, Map<String, List<String>> query,
                              Authorization authorization) {
        public Credentials {
            header = header == null ? Map.of() : Map.copyOf(header);
            query = query == null ? Map.of() : Map.copyOf(query);
        }
    }

    /** {@code Authorization: <scheme> <parameter>}. */
    public record Authorization(String scheme, String parameter) {
    }

    public record Tls(Boolean validateCertificateChain, Boolean validateCertificateName) {
    }

    public record CircuitBreaker(List<Rule> rules) {
        public CircuitBreaker {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    /**
     * Trips the breaker for {@code tripDuration} (ISO-8601, e.g. {@code PT1M}) once {@code count}
     * failures happened within {@code interval}; with {@code acceptRetryAfter} a backend's
     * Retry-After sets how long instead.
     */
    public record Rule(String name, FailureCondition failureCondition, String tripDuration, Boolean acceptRetryAfter) {
    }

    /**
     * What counts as a failure: a status in one of the ranges, or a failed exchange whose error
     * reason (forward-request's {@code BackendConnectionFailure}, {@code Timeout}) is listed.
     */
    public record FailureCondition(Integer count, String interval, List<StatusCodeRange> statusCodeRanges,
                                   List<String> errorReasons) {
        public FailureCondition {
            statusCodeRanges = statusCodeRanges == null ? List.of() : List.copyOf(statusCodeRanges);
            errorReasons = errorReasons == null ? List.of() : List.copyOf(errorReasons);
        }
    }

    public record StatusCodeRange(int min, int max) {
    }

    public record Pool(List<PoolMember> services) {
        public Pool {
            services = services == null ? List.of() : List.copyOf(services);
        }
    }

    /**
     * A member of a pool: {@code id} names a single backend (APIM writes a resource path ending in
     * {@code /backends/<id>}; both forms are read). Lower priority numbers are served first.
     */
    public record PoolMember(String id, Integer priority, Integer weight) {

        /** The member's backend id: {@code id} itself, or the last segment of APIM's {@code …/backends/<id>}; {@code null} when blank. */
        public String backendId() {
            if (id == null || id.isBlank()) {
                return null;
            }
            int slash = id.lastIndexOf("/backends/");
            return slash >= 0 ? id.substring(slash + "/backends/".length()) : id;
        }
    }
}
