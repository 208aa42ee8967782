package dev.breakwater.gateway.policy.expression.runtime;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A dictionary with string keys compared without case ({@code StringComparer.OrdinalIgnoreCase}),
 * keeping the keys as first written and the insertion order.
 */
public final class IgnoreCaseMap extends AbstractMap<Object, Object> {

    private final LinkedHashMap<String, Map.Entry<Object, Object>> entries = new LinkedHashMap<>();

    private static String fold(Object key) {
        return key == null ? null : ((String) key).toUpperCase(Locale.ROOT);
    }

    @Override
    public Object get(Object key) {
        Map.Entry<Object, Object> e = entries.get(fold(key));
        return e == null ? null : e.getValue();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(fold(key));
    }

    @Override
    public Object put(Object key, Object value) {
        Map.Entry<Object, Object> old = entries.get(fold(key));
        if (old != null) {
            return old.setValue(value);
        }
        entries.put(fold(key), new SimpleEntry<>(key, value));
        return null;
    }

    @Override
    public Object remove(Object key) {
        Map.Entry<Object, Object> e = entries.remove(fold(key));
        return e == null ? null : e.getValue();
    }

    @Override
    public void clear() {
        entries.clear();
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<Object, Object>> iterator() {
                Iterator<Map.Entry<Object, Object>> it = entries.values().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Entry<Object, Object> next() {
                        return it.next();
                    }

                    @Override
                    public void remove() {
                        it.remove();
                    }
                };
            }

            @Override
            public int size() {
                return entries.size();
            }
        };
    }
}
