package dev.breakwater.gateway.snapshot;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.routing.UrlTemplate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks of the plain fields of a configuration document: ids, paths, host names, methods, templates. */
final class Definitions {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,79}");
    private static final Pattern METHOD = Pattern.compile("[A-Z][A-Z0-9_-]{0,31}");
    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@%-]+");
    private static final Pattern HOSTNAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private Definitions() {
    }

    static void checkId(String id, String where) throws ConfigException {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ConfigException(where + ": id is required: 1 to 80 letters, digits, '.', '_', '~' or '-'"
                    + (id == null ? "" : ", not '" + id + "'"));
        }
    }

    static String prefix(String path, String where) throws ConfigException {
        if (path == null) {
            throw new ConfigException(where + ": path is required (\"\" serves the API at the root)");
        }
        String trimmed = path.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return "";
        }
        for (String segment : trimmed.split("/", -1)) {
            if (!PATH_SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                throw new ConfigException(where + ": path '" + path + "' has an empty, dot or invalid segment '" + segment + "'");
            }
        }
        return "/" + trimmed;
    }

    static Set<String> hostnames(List<String> hostnames, String where) throws ConfigException {
        Set<String> normalized = new HashSet<>();
        for (String hostname : hostnames) {
            String lower = hostname == null ? "" : hostname.strip().toLowerCase(Locale.ROOT);
            if (!HOSTNAME.matcher(lower).matches()) {
                throw new ConfigException(where + ": '" + hostname + "' is not a valid host name");
            }
            normalized.add(lower);
        }
        return Set.copyOf(normalized);
    }

    static String method(String method, String where) throws ConfigException {
        if (method == null || !METHOD.matcher(method).matches()) {
            throw new ConfigException(where + ": method is required, in upper case (GET, POST, ...)"
                    + (method == null ? "" : ", not '" + method + "'"));
        }
        return method;
    }

    static UrlTemplate template(String urlTemplate, String where) throws ConfigException {
        try {
            return UrlTemplate.parse(urlTemplate);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": urlTemplate " + e.getMessage());
        }
    }
}
