package dev.breakwater.gateway.policy.runtime;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The query string of the backend request as an editable list of parameters. Parameters keep
 * their raw (percent-encoded) form, so that what a policy does not touch is forwarded exactly
 * as the client sent it; names are compared decoded.
 */
public final class QueryParameters {

    private final List<Parameter> parameters = new ArrayList<>();

    private QueryParameters() {
    }

    /** Parses a raw query string (without the '?'); {@code null} or empty gives no parameters. */
    public static QueryParameters parse(String rawQuery) {
        QueryParameters query = new QueryParameters();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    String rawName = equals < 0 ? pair : pair.substring(0, equals);
                    query.parameters.add(new Parameter(decode(rawName), pair));
                }
            }
        }
        return query;
    }

    public boolean contains(String name) {
        for (Parameter parameter : parameters) {
            if (parameter.name.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The distinct (decoded) names, in order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Parameter parameter : parameters) {
            if (!names.contains(parameter.name)) {
                names.add(parameter.name);
            }
        }
        return names;
    }

    /** The decoded values of a parameter, in order ("" for a parameter without '='). */
    public List<String> values(String name) {
        List<String> values = new ArrayList<>(1);
        for (Parameter parameter : parameters) {
            if (parameter.name.equals(name)) {
                int equals = parameter.raw.indexOf('=');
                values.add(equals < 0 ? "" : decode(parameter.raw.substring(equals + 1)));
            }
        }
        return values;
    }

    /** Adds a parameter from literal (decoded) name and value. */
    public void add(String name, String value) {
        parameters.add(new Parameter(name, encode(name) + "=" + encode(value)));
    }

    public void remove(String name) {
        parameters.removeIf(parameter -> parameter.name.equals(name));
    }

    /** Adds every parameter of another query, raw forms unchanged. */
    public void addAll(QueryParameters other) {
        parameters.addAll(other.parameters);
    }

    /** The raw query string, or {@code null} when there are no parameters. */
    public String toRawQuery() {
        if (parameters.isEmpty()) {
            return null;
        }
        StringBuilder raw = new StringBuilder();
        for (Parameter parameter : parameters) {
            if (raw.length() > 0) {
                raw.append('&');
            }
            raw.append(parameter.raw);
        }
        return raw.toString();
    }

    /** Percent-encodes a literal for a query string or a path segment (space as %20, not '+'). */
    public static String encode(String literal) {
        return URLEncoder.encode(literal, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw; // a malformed escape is compared as it stands
        }
    }

    private record Parameter(String name, String raw) {
    }
}
