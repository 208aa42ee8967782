package dev.breakwater.gateway.config;

/**
 * Writes one small JSON object by hand, for the two that are written on the request path
 * (gateway errors and request-log lines), where a Jackson call per request cost more than the
 * line itself. Absent values are left out; strings are escaped.
 */
public final class JsonText {

    private final StringBuilder out = new StringBuilder(256).append('{');

    public JsonText field(String name, String value) {
        if (value != null) {
            quote(name(name), value);
        }
        return this;
    }

    public JsonText field(String name, long value) {
        name(name).append(value);
        return this;
    }

    public JsonText field(String name, double value) {
        name(name).append(value);
        return this;
    }

    /** A field whose value is JSON already written (an object or array made with this class). */
    public JsonText raw(String name, String json) {
        name(name).append(json);
        return this;
    }

    /** The object's text. */
    public String close() {
        return out.append('}').toString();
    }

    private StringBuilder name(String name) {
        if (out.length() > 1) {
            out.append(',');
        }
        quote(out, name);
        return out.append(':');
    }

    /** Appends the value quoted, copying the runs between characters that need escaping in bulk. */
    private static void quote(StringBuilder out, String value) {
        out.append('"');
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                out.append(value, run, i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
                run = i + 1;
            }
        }
        out.append(value, run, value.length()).append('"');
    }
}
