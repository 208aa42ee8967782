package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.Closure;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** LINQ operators that reshape a sequence: ordering, sets, slicing, grouping, dictionaries, Aggregate. */
public final class LinqShapes {

    private LinqShapes() {
    }

    /** The result of OrderBy/ThenBy: the sorted elements, plus what ThenBy needs to sort again. */
    public static final class Ordered extends ArrayList<Object> {
        private final List<Object> source;
        private final Comparator<Object> order;

        Ordered(List<Object> source, Comparator<Object> order) {
            super(source);
            this.source = source;
            this.order = order;
            sort(order);
        }
    }

    public static Ordered orderBy(Object source, Object keySelector, Comparator<Object> keys, boolean descending) {
        return new Ordered(Linq.items(source), comparator(keySelector, keys, descending));
    }

    public static Ordered thenBy(Object ordered, Object keySelector, Comparator<Object> keys, boolean descending) {
        Ordered o = (Ordered) ordered;
        return new Ordered(o.source, o.order.thenComparing(comparator(keySelector, keys, descending)));
    }

    private static Comparator<Object> comparator(Object keySelector, Comparator<Object> keys, boolean descending) {
        Closure f = Linq.fn(keySelector);
        Comparator<Object> byKey = (x, y) -> (keys == null ? (Comparator<Object>) Linq::compare : keys).compare(f.invoke(x), f.invoke(y));
        return descending ? byKey.reversed() : byKey;
    }

    public static List<Object> distinct(Object source) {
        return new ArrayList<>(new LinkedHashSet<>(Linq.items(source)));
    }

    public static List<Object> skip(Object source, int n) {
        List<Object> all = Linq.items(source);
        return new ArrayList<>(all.subList(Math.min(Math.max(n, 0), all.size()), all.size()));
    }

    public static List<Object> take(Object source, int n) {
        List<Object> all = Linq.items(source);
        return new ArrayList<>(all.subList(0, Math.min(Math.max(n, 0), all.size())));
    }

    public static List<Object> skipWhile(Object source, Object predicate) {
        List<Object> all = Linq.items(source);
        int i = 0;
        while (i < all.size() && Linq.fn(predicate).test(all.get(i))) {
            i++;
        }
        return new ArrayList<>(all.subList(i, all.size()));
    }

    public static List<Object> takeWhile(Object source, Object predicate) {
        List<Object> out = new ArrayList<>();
        for (Object v : Linq.items(source)) {
            if (!Linq.fn(predicate).test(v)) {
                break;
            }
            out.add(v);
        }
        return out;
    }

    public static List<Object> concat(Object first, Object second) {
        List<Object> out = Linq.items(first);
        out.addAll(Linq.items(second));
        return out;
    }

    public static boolean contains(Object source, Object value, Object comparer) {
        for (Object v : Linq.items(source)) {
            if (comparer instanceof Comparator<?> c ? compareWith(c, v, value) : Objects.equals(v, value)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static boolean compareWith(Comparator<?> c, Object a, Object b) {
        return ((Comparator<Object>) c).compare(a, b) == 0;
    }

    /** GroupBy: groups in order of first appearance. */
    public static List<Object> groupBy(Object source, Object keySelector, Object elementSelector) {
        Map<Object, Grouping> groups = new LinkedHashMap<>();
        for (Object v : Linq.items(source)) {
            Object key = Linq.fn(keySelector).invoke(v);
            Object element = elementSelector == null ? v : Linq.fn(elementSelector).invoke(v);
            groups.computeIfAbsent(key, Grouping::new).add(element);
        }
        return new ArrayList<>(groups.values());
    }

    /** An IGrouping: a key and its elements. */
    public static final class Grouping extends ArrayList<Object> {
        private final Object key;

        Grouping(Object key) {
            this.key = key;
        }

        public Object key() {
            return key;
        }
    }

    public static Map<Object, Object> toDictionary(Object source, Object keySelector, Object elementSelector) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (Object v : Linq.items(source)) {
            Object key = Linq.fn(keySelector).invoke(v);
            if (key == null) {
                throw DotNetException.argumentNull("key");
            }
            if (map.containsKey(key)) {
                throw DotNetException.argument("An item with the same key has already been added. Key: " + ValueFormatter.toString(key));
            }
            map.put(key, elementSelector == null ? v : Linq.fn(elementSelector).invoke(v));
        }
        return map;
    }

    public static Object aggregate(Object source, Object seed, Object func, boolean hasSeed) {
        List<Object> all = Linq.items(source);
        if (!hasSeed && all.isEmpty()) {
            throw DotNetException.invalidOperation("Sequence contains no elements");
        }
        Object acc = hasSeed ? seed : all.get(0);
        for (int i = hasSeed ? 0 : 1; i < all.size(); i++) {
            acc = Linq.fn(func).invoke(acc, all.get(i));
        }
        return acc;
    }

    public static boolean sequenceEqual(Object first, Object second) {
        return Linq.items(first).equals(Linq.items(second));
    }
}
