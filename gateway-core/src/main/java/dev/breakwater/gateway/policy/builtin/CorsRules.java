package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.runtime.Headers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one cors policy allows, compiled: which origins, methods and request headers match, and the
 * headers its answers carry. Pure functions of the request's values, tested without a server.
 *
 * @param origins        normal forms (see {@link CorsOrigins}); empty when any origin is allowed
 * @param methods        upper case; empty when any method is allowed
 * @param allowedHeaders lower case; empty with {@code anyHeader} false: no request header beyond the safelisted
 * @param exposeHeaders  as written, for Access-Control-Expose-Headers
 * @param maxAge         seconds for Access-Control-Max-Age, or {@code null}: not sent
 */
record CorsRules(Set<String> origins, Set<String> methods, Set<String> allowedHeaders, boolean anyHeader,
                 List<String> exposeHeaders, Integer maxAge) {

    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
    static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
    static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
    static final String MAX_AGE = "Access-Control-Max-Age";
    static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";

    boolean anyOrigin() {
        return origins.isEmpty();
    }

    /** Whether the request's Origin header is allowed. */
    boolean allowsOrigin(String origin) {
        if (anyOrigin()) {
            return true;
        }
        String normal = CorsOrigins.ofRequest(origin);
        return normal != null && origins.contains(normal);
    }

    /** Whether a preflight's requested method and headers (the raw Access-Control-Request-Headers, or null) are allowed. */
    boolean allowsPreflight(String requestedMethod, String requestedHeaders) {
        if (!methods.isEmpty() && !methods.contains(requestedMethod.trim().toUpperCase(Locale.ROOT))) {
            return false;
        }
        if (anyHeader) {
            return true;
        }
        for (String header : headerList(requestedHeaders)) {
            if (!allowedHeaders.contains(header.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** The headers of the answer to a matched preflight. */
    void preflightAnswer(Headers headers, String origin, boolean credentials, String requestedMethod,
                         String requestedHeaders) {
        allowOrigin(headers, origin, credentials);
        headers.set(ALLOW_METHODS, methods.isEmpty() ? requestedMethod.trim() : String.join(",", methods));
        List<String> asked = headerList(requestedHeaders);
        if (!asked.isEmpty()) {
            headers.set(ALLOW_HEADERS, String.join(",", asked)); // every one was checked allowed
        }
        if (maxAge != null) {
            headers.set(MAX_AGE, Integer.toString(maxAge));
        }
    }

    /** The headers added to the response of an actual request from an allowed origin. */
    void actualAnswer(Headers headers, String origin, boolean credentials) {
        allowOrigin(headers, origin, credentials);
        if (!exposeHeaders.isEmpty()) {
            headers.set(EXPOSE_HEADERS, String.join(",", exposeHeaders));
        }
    }

    /**
     * {@code *} for any origin without credentials; otherwise the request's origin, with
     * {@code Vary: Origin} so that a cache does not serve one origin's answer to another.
     */
    private void allowOrigin(Headers headers, String origin, boolean credentials) {
        if (anyOrigin() && !credentials) {
            headers.set(ALLOW_ORIGIN, "*");
        } else {
            headers.set(ALLOW_ORIGIN, origin.trim());
            addVaryOrigin(headers);
        }
        if (credentials) {
            headers.set(ALLOW_CREDENTIALS, "true");
        } else {
            headers.remove(ALLOW_CREDENTIALS);
        }
    }

    private static void addVaryOrigin(Headers headers) {
        for (String vary : headers.all("Vary")) {
            for (String field : vary.split(",")) {
                if (field.trim().equalsIgnoreCase("Origin") || field.trim().equals("*")) {
                    return;
                }
            }
        }
        headers.add("Vary", "Origin");
    }

    private static List<String> headerList(String raw) {
        List<String> names = new ArrayList<>();
        if (raw != null) {
            for (String name : raw.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return names;
    }
}
