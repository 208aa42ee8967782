package dev.breakwater.gateway.policy.runtime.views;

import dev.breakwater.gateway.policy.runtime.Headers;
import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Headers as expressions read them ({@code IReadOnlyDictionary<string, string[]>}): lookups ignore
 * case and go straight to the live headers, so reading one header costs no copy of them all.
 */
final class HeaderMap extends AbstractMap<String, String[]> {

    private final Headers headers;

    HeaderMap(Headers headers) {
        this.headers = headers;
    }

    @Override
    public String[] get(Object name) {
        if (!(name instanceof String text)) {
            return null;
        }
        List<String> values = headers.all(text);
        return values.isEmpty() ? null : values.toArray(String[]::new);
    }

    @Override
    public boolean containsKey(Object name) {
        return name instanceof String text && headers.contains(text);
    }

    @Override
    public int size() {
        return headers.names().size();
    }

    @Override
    public Set<Entry<String, String[]>> entrySet() {
        Set<Entry<String, String[]>> entries = new LinkedHashSet<>();
        for (String name : headers.names()) {
            entries.add(Map.entry(name, get(name)));
        }
        return entries;
    }
}
