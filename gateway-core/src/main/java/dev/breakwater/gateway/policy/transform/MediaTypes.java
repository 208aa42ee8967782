package dev.breakwater.gateway.policy.transform;

import java.util.Locale;

/**
 * Whether a Content-Type says JSON or XML, and whether an Accept header asks for one of them, as the
 * conversion policies' {@code apply="content-type-…"} and {@code consider-accept-header} need.
 * JSON: {@code application/json}, {@code text/json} and any {@code +json} type; XML:
 * {@code application/xml}, {@code text/xml} and any {@code +xml} type. Parameters are ignored, case
 * does not matter. An Accept entry with {@code q=0} refuses the type; wildcards do not ask for it.
 */
public final class MediaTypes {

    /** The Content-Type the conversions set on what they produce. */
    public static final String JSON = "application/json";
    public static final String XML = "application/xml";

    private MediaTypes() {
    }

    public static boolean isJson(String contentType) {
        return is(contentType, "json");
    }

    public static boolean isXml(String contentType) {
        return is(contentType, "xml");
    }

    /** Whether some entry of the Accept header values names a JSON type (with a weight above zero). */
    public static boolean acceptsJson(Iterable<String> accept) {
        return accepts(accept, "json");
    }

    public static boolean acceptsXml(Iterable<String> accept) {
        return accepts(accept, "xml");
    }

    private static boolean accepts(Iterable<String> headerValues, String format) {
        for (String value : headerValues) {
            for (String entry : value.split(",")) {
                if (is(entry, format) && !refused(entry)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean is(String mediaType, String format) {
        if (mediaType == null) {
            return false;
        }
        int parameters = mediaType.indexOf(';');
        String type = (parameters < 0 ? mediaType : mediaType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
        return type.equals("application/" + format) || type.equals("text/" + format)
                || (type.endsWith("+" + format) && type.indexOf('/') > 0);
    }

    /** {@code q=0} (or 0.0, 0.000): the client says it does not want this type. */
    private static boolean refused(String entry) {
        String[] parts = entry.split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                return parameter.substring(2).trim().matches("0(\\.0{0,3})?");
            }
        }
        return false;
    }
}
