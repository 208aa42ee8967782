package dev.breakwater.gateway.policy.runtime;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values a request gave to the parameters of its operation's URL template, in template
 * order, raw (percent-encoded) as they stood in the path.
 */
public final class TemplateValues {

    public static final TemplateValues NONE = new TemplateValues(List.of(), new String[0]);

    private final List<String> names;
    private final String[] values;

    public TemplateValues(List<String> names, String[] values) {
        this.names = names;
        this.values = values;
    }

    /** The values by name, decoded, lookups ignoring case ({@code context.Request.MatchedParameters}). */
    public Map<String, String> decoded() {
        if (values.length == 0) {
            return Map.of();
        }
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < values.length; i++) {
            byName.put(names.get(i), decode(values[i]));
        }
        return Collections.unmodifiableMap(byName);
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8); // '+' is a plus in a path
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    /** The raw value of a parameter, or {@code null} when the template has no such parameter. */
    public String get(String name) {
        int index = names.indexOf(name);
        return index < 0 ? null : values[index];
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(values[i]);
        }
        return out.append('}').toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TemplateValues that && names.equals(that.names) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return names.hashCode() * 31 + Arrays.hashCode(values);
    }
}
