package dev.breakwater.gateway.policy.runtime.views;

import dev.breakwater.gateway.policy.expression.context.UrlView;
import dev.breakwater.gateway.policy.runtime.QueryParameters;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * A URL as expressions read it ({@code IUrl}), from its parts; the query is parsed when first read.
 *
 * @param path the raw path
 */
record UrlParts(String scheme, String host, int port, String path, String rawQuery) implements UrlView {

    /** The parts of an absolute URL; {@code null} for {@code null}. */
    static UrlParts of(String url) {
        if (url == null) {
            return null;
        }
        URI uri = URI.create(url);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return new UrlParts(uri.getScheme(), uri.getHost(), port, uri.getRawPath() == null ? "" : uri.getRawPath(),
                uri.getRawQuery());
    }

    @Override
    public Map<String, String[]> query() {
        Map<String, String[]> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        QueryParameters parameters = QueryParameters.parse(rawQuery);
        for (String name : parameters.names()) {
            byName.put(name, parameters.values(name).toArray(String[]::new));
        }
        return byName;
    }

    @Override
    public String queryString() {
        return rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery;
    }

    @Override
    public String fullUrl() {
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path + queryString();
    }

    @Override
    public String toString() {
        return fullUrl();
    }
}
