package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.runtime.Headers;

/**
 * The Cache-Control header cache-lookup's {@code downstream-caching-type} puts on the client's
 * response (served from the cache or stored by cache-store). APIM documents the three values but not
 * the exact header; the choice here: {@code none} sends {@code no-store} (downstream caching is not
 * allowed), {@code private} and {@code public} send {@code private|public, max-age=<seconds the gateway
 * keeps the response>}, followed by {@code must-revalidate} when that attribute is true.
 */
final class DownstreamCaching {

    static final String NONE = "none";
    static final String PRIVATE = "private";
    static final String PUBLIC = "public";

    private DownstreamCaching() {
    }

    static boolean isValid(String type) {
        return NONE.equals(type) || PRIVATE.equals(type) || PUBLIC.equals(type);
    }

    /** Sets Cache-Control on {@code headers}, replacing the backend's. */
    static void apply(Headers headers, String type, boolean mustRevalidate, long maxAgeSeconds) {
        if (NONE.equals(type)) {
            headers.set("Cache-Control", "no-store");
            return;
        }
        String value = type + ", max-age=" + Math.max(0, maxAgeSeconds) + (mustRevalidate ? ", must-revalidate" : "");
        headers.set("Cache-Control", value);
    }
}
