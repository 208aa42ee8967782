package dev.breakwater.gateway.policy.builtin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Origins as the cors policy compares them: scheme, host and port, lower case, the scheme's default
 * port dropped (APIM: a URI without a port means 80 for http, 443 for https), so that
 * {@code https://App.example.com:443} and {@code https://app.example.com} are one origin.
 */
final class CorsOrigins {

    private CorsOrigins() {
    }

    /**
     * The normal form of a configured origin.
     *
     * @throws IllegalArgumentException saying why it is not a scheme://host[:port] origin
     */
    static String configured(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URI");
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.isOpaque()) {
            throw new IllegalArgumentException("'" + text + "' is not an origin: it needs a scheme and a host, "
                    + "e.g. https://app.example.com");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
            throw new IllegalArgumentException("'" + text + "' is not an origin: only scheme, host and port, "
                    + "without user, path, query or fragment");
        }
        return normal(uri);
    }

    /** The normal form of a request's Origin header, or {@code null} when it is no such origin ("null"). */
    static String ofRequest(String origin) {
        try {
            URI uri = new URI(origin.trim());
            if (uri.getScheme() == null || uri.getHost() == null || uri.isOpaque() || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())) {
                return null;
            }
            return normal(uri);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String normal(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if ((port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"))) {
            port = -1;
        }
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port);
    }
}
