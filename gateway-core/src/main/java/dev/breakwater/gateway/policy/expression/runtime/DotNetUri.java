package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.RuntimeTypes;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** .NET's System.Uri over java.net.URI: absolute URIs with .NET's property names and defaults. */
public final class DotNetUri implements RuntimeTypes.DotNetTyped {

    private final URI uri;
    private final String original;

    private DotNetUri(URI uri, String original) {
        this.uri = uri;
        this.original = original;
    }

    /** {@code new Uri(s)}: must be absolute, as .NET requires. */
    public static DotNetUri parse(String s) {
        if (s == null) {
            throw DotNetException.argumentNull("uriString");
        }
        DotNetUri u = tryParse(s, true);
        if (u == null) {
            throw DotNetException.of("System.UriFormatException", "Invalid URI: The format of the URI could not be determined.");
        }
        return u;
    }

    /** Null when {@code s} is not a URI (absolute only when {@code absolute}). */
    public static DotNetUri tryParse(String s, boolean absolute) {
        if (s == null) {
            return null;
        }
        try {
            URI u = new URI(UrlEncoding.escapeUriString(s.strip()).replace("%25", "%"));
            if (absolute && (!u.isAbsolute() || u.getHost() == null && !"file".equals(u.getScheme()))) {
                return null;
            }
            return new DotNetUri(u, s);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    public DotNetUri resolve(String relative) {
        return new DotNetUri(uri.resolve(relative), uri.resolve(relative).toString());
    }

    public boolean isAbsolute() {
        return uri.isAbsolute();
    }

    public String scheme() {
        return uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    public String host() {
        return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    }

    public int port() {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return switch (String.valueOf(scheme())) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            case "ftp" -> 21;
            default -> -1;
        };
    }

    public boolean isDefaultPort() {
        return uri.getPort() < 0 || port() == defaultPort();
    }

    private int defaultPort() {
        return switch (String.valueOf(scheme())) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            default -> -1;
        };
    }

    public String absolutePath() {
        String p = uri.getRawPath();
        return p == null || p.isEmpty() ? "/" : p;
    }

    public String query() {
        return uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    }

    public String fragment() {
        return uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment();
    }

    public String pathAndQuery() {
        return absolutePath() + query();
    }

    public String authority() {
        return host() + (isDefaultPort() ? "" : ":" + port());
    }

    public String userInfo() {
        return uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo();
    }

    public String absoluteUri() {
        String user = userInfo().isEmpty() ? "" : userInfo() + "@";
        return scheme() + "://" + user + authority() + pathAndQuery() + fragment();
    }

    public String originalString() {
        return original;
    }

    public String[] segments() {
        String path = absolutePath();
        java.util.List<String> parts = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                parts.add(path.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < path.length()) {
            parts.add(path.substring(start));
        }
        return parts.toArray(new String[0]);
    }

    /** ToString(): the canonical form with escaped characters shown unescaped, as .NET does. */
    @Override
    public String toString() {
        return uri.isAbsolute() ? UrlEncoding.unescape(absoluteUri(), false) : original;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DotNetUri u && u.absoluteUri().equals(absoluteUri());
    }

    @Override
    public int hashCode() {
        return absoluteUri().hashCode();
    }

    @Override
    public String dotNetTypeName() {
        return "System.Uri";
    }
}
