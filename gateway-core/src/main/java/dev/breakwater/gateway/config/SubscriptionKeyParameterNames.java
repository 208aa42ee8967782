package dev.breakwater.gateway.config;

/**
 * Where callers of an API put their subscription key, as APIM's {@code subscriptionKeyParameterNames}.
 *
 * @param header the request header; {@code null} for {@value #DEFAULT_HEADER}
 * @param query  the query parameter; {@code null} for {@value #DEFAULT_QUERY}
 */
public record SubscriptionKeyParameterNames(String header, String query) {

    public static final String DEFAULT_HEADER = "Ocp-Apim-Subscription-Key";
    public static final String DEFAULT_QUERY = "subscription-key";
    public static final SubscriptionKeyParameterNames DEFAULTS = new SubscriptionKeyParameterNames(null, null);

    public String headerName() {
        return header == null ? DEFAULT_HEADER : header;
    }

    public String queryName() {
        return query == null ? DEFAULT_QUERY : query;
    }
}
