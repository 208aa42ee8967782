package dev.breakwater.gateway.policy.liquid;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The caller's {@code context} as the template sees it: a live view, so lookups go through the
 * caller's own maps ({@code get}, with their own key comparison: a header map that ignores case
 * keeps ignoring it). Values are adapted as they are read: Jackson trees (an expression's
 * {@code JObject} in {@code context.Variables}) become objects and lists, Java dates become .NET
 * dates, arrays and other collections become lists.
 */
final class ContextModel {

    private ContextModel() {
    }

    static Object adapt(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof BodyObject || value instanceof View) {
            return value;
        }
        if (value instanceof JsonNode json) {
            return JsonBody.toModel(json, false);
        }
        if (value instanceof Map<?, ?> map) {
            return new MapView(map);
        }
        if (value instanceof List<?> list) {
            return new ListView(list);
        }
        if (value instanceof Collection<?> collection) {
            return new ListView(new java.util.ArrayList<>(collection));
        }
        if (value instanceof Object[] array) {
            return new ListView(java.util.Arrays.asList(array));
        }
        DotNetDateTime date = DotNetDateTime.fromJava(value);
        if (date != null) {
            return date;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value;
    }

    /** Marks the views, so that they are not wrapped twice. */
    private interface View {
    }

    private static final class MapView extends AbstractMap<String, Object> implements View {
        private final Map<?, ?> map;

        MapView(Map<?, ?> map) {
            this.map = map;
        }

        @Override
        public Object get(Object key) {
            return adapt(map.get(key));
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    Iterator<? extends Entry<?, ?>> entries = map.entrySet().iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return entries.hasNext();
                        }

                        @Override
                        public Entry<String, Object> next() {
                            Entry<?, ?> entry = entries.next();
                            return new SimpleImmutableEntry<>(String.valueOf(entry.getKey()), adapt(entry.getValue()));
                        }
                    };
                }

                @Override
                public int size() {
                    return map.size();
                }
            };
        }
    }

    private static final class ListView extends AbstractList<Object> implements View {
        private final List<?> list;

        ListView(List<?> list) {
            this.list = list;
        }

        @Override
        public Object get(int index) {
            return adapt(list.get(index));
        }

        @Override
        public int size() {
            return list.size();
        }
    }
}
