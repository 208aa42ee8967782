package dev.breakwater.gateway.policy.expression.context;

import java.util.Map;

/** A URL as APIM's IUrl shows it. */
public interface UrlView {
    String host();

    String path();

    int port();

    /** Query parameters, each name to its values, decoded; read-only, lookups ignore case. */
    Map<String, String[]> query();

    /** The query with its leading '?', or "" when there is none. */
    String queryString();

    String scheme();

    /** The whole URL, as {@code ToString()} shows it. */
    String fullUrl();
}
