package dev.breakwater.gateway.policy.runtime;

/**
 * How forward-request sends a request to the backend; left in the context under {@link #KEY}.
 *
 * @param timeoutMillis         how long the backend may stay silent (no response bytes) before the
 *                              request fails with 504
 * @param followRedirects       whether the gateway follows backend redirects itself
 * @param failOnErrorStatusCode whether a 4xx/5xx from the backend runs on-error
 */
public record ForwardOptions(long timeoutMillis, boolean followRedirects, boolean failOnErrorStatusCode) {

    public static final ContextKey<ForwardOptions> KEY = new ContextKey<>("forward-options", ForwardOptions.class);

    /** APIM's defaults: 300 s, no redirects followed, backend errors passed through. */
    public static final ForwardOptions DEFAULT = new ForwardOptions(300_000, false, false);
}
