package dev.breakwater.gateway.policy.expression.context;

import java.util.Map;

/** {@code context.Request} (APIM's IRequest). */
public interface RequestView {
    /** The body, or null when the request has none. */
    MessageBody body();

    /** The client certificate, or null. */
    CertificateView certificate();

    /**
     * The headers: a read-only map whose lookups ignore case, each name to its values as sent
     * (a header sent twice has two values). Lookups must be cheap: expressions call them per request.
     */
    Map<String, String[]> headers();

    String ipAddress();

    /** Template parameters of the matched operation, by name (lookups ignore case, as APIM's). */
    Map<String, String> matchedParameters();

    String method();

    /** The URL the client sent. */
    UrlView originalUrl();

    /** The URL as rewritten by policies so far. */
    UrlView url();
}
