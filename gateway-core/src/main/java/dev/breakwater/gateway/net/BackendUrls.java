package dev.breakwater.gateway.net;

import java.net.URI;
import java.net.URISyntaxException;

/** Checks and normalises backend base URLs (serviceUrl, set-backend-service). */
public final class BackendUrls {

    private BackendUrls() {
    }

    /**
     * Returns the URL without a trailing slash, so that the rest of the path can be appended.
     *
     * @throws IllegalArgumentException with a message that completes "serviceUrl ..."
     */
    public static String normalize(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("must be an absolute http:// or https:// URL, not '" + url + "'");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("has no host: '" + url + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not carry credentials; set an Authorization header by policy instead");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must not have a query or fragment: '" + url + "'");
        }
        String normalized = uri.toString();
        while (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return normalized;
    }
}
