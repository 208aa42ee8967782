package dev.breakwater.gateway.tls;

import java.util.List;
import java.util.Locale;

/**
 * Host names a listener treats specially, as APIM's hostname settings name them: exact names, a
 * wildcard for one leading label ({@code *.example.com} matches {@code api.example.com}, not
 * {@code example.com} nor {@code a.b.example.com}, as certificates do), and {@code *} for every
 * connection, with or without a host name.
 */
public record HostPatterns(List<String> patterns) {

    public static final HostPatterns NONE = new HostPatterns(List.of());

    public HostPatterns {
        patterns = patterns.stream().map(pattern -> pattern.trim().toLowerCase(Locale.ROOT))
                .filter(pattern -> !pattern.isEmpty()).toList();
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** Whether {@code *} is listed: every connection, whatever it asks for. */
    public boolean all() {
        return patterns.contains("*");
    }

    /** Whether this host name ({@code null}: the client sent none) is listed. */
    public boolean matches(String host) {
        if (all()) {
            return true;
        }
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        for (String pattern : patterns) {
            if (pattern.startsWith("*.")) {
                int dot = name.indexOf('.');
                if (dot > 0 && name.substring(dot).equals(pattern.substring(1))) {
                    return true;
                }
            } else if (pattern.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** A problem with a pattern for a setting's check, or {@code null}. */
    public static String problem(String value) {
        for (String raw : value.split(",")) {
            String pattern = raw.trim();
            if (pattern.isEmpty() || pattern.equals("*")) {
                continue;
            }
            String name = pattern.startsWith("*.") ? pattern.substring(2) : pattern;
            if (!name.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*")) {
                return "must list host names, '*.' followed by a domain, or '*', not '" + pattern + "'";
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return String.join(",", patterns);
    }
}
