package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.Numbers;
import dev.breakwater.gateway.policy.expression.eval.Closure;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Enumerables;
import dev.breakwater.gateway.policy.expression.eval.RuntimeTypes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * LINQ to Objects, eagerly: every operator returns a materialized list (the budget bounds the work:
 * each lambda call is a step, and sizes are capped where collections grow).
 */
public final class Linq {

    private Linq() {
    }

    /** The elements of a source (ArgumentNullException for null, as .NET). */
    public static List<Object> items(Object source) {
        if (source == null) {
            throw DotNetException.argumentNull("source");
        }
        if (source instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        List<Object> list = new ArrayList<>();
        for (Iterator<?> it = Enumerables.iterate(source); it.hasNext(); ) {
            list.add(it.next());
        }
        return list;
    }

    static Closure fn(Object f) {
        if (f == null) {
            throw DotNetException.argumentNull("selector");
        }
        return (Closure) f;
    }

    public static List<Object> select(Object source, Object selector) {
        List<Object> out = new ArrayList<>();
        for (Object v : items(source)) {
            out.add(fn(selector).invoke(v));
        }
        return out;
    }

    public static List<Object> selectIndexed(Object source, Object selector) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        for (Object v : items(source)) {
            out.add(fn(selector).invoke(v, i++));
        }
        return out;
    }

    public static List<Object> selectMany(Object source, Object selector) {
        List<Object> out = new ArrayList<>();
        for (Object v : items(source)) {
            out.addAll(items(fn(selector).invoke(v)));
        }
        return out;
    }

    public static List<Object> where(Object source, Object predicate) {
        List<Object> out = new ArrayList<>();
        for (Object v : items(source)) {
            if (fn(predicate).test(v)) {
                out.add(v);
            }
        }
        return out;
    }

    public static boolean any(Object source, Object predicate) {
        for (Object v : items(source)) {
            if (predicate == null || fn(predicate).test(v)) {
                return true;
            }
        }
        return false;
    }

    public static boolean all(Object source, Object predicate) {
        for (Object v : items(source)) {
            if (!fn(predicate).test(v)) {
                return false;
            }
        }
        return true;
    }

    public static int count(Object source, Object predicate) {
        int n = 0;
        for (Object v : items(source)) {
            if (predicate == null || fn(predicate).test(v)) {
                n++;
            }
        }
        return n;
    }

    /** First/Last/Single with or without predicate and default: {@code which} is "first", "last" or "single". */
    public static Object pick(Object source, Object predicate, String which, boolean orDefault, Object defaultValue) {
        List<Object> matching = predicate == null ? items(source) : where(source, predicate);
        if (matching.isEmpty()) {
            if (orDefault) {
                return defaultValue;
            }
            throw DotNetException.invalidOperation(predicate == null ? "Sequence contains no elements"
                    : "Sequence contains no matching element");
        }
        if (which.equals("single") && matching.size() > 1) {
            throw DotNetException.invalidOperation(predicate == null ? "Sequence contains more than one element"
                    : "Sequence contains more than one matching element");
        }
        return which.equals("last") ? matching.get(matching.size() - 1) : matching.get(0);
    }

    public static List<Object> values(Object source, Object selector) {
        return selector == null ? items(source) : select(source, selector);
    }

    /** Sum of ints (checked, as .NET), longs, doubles, floats or decimals; nulls skipped. */
    public static Object sum(List<Object> values, String kind) {
        switch (kind) {
            case "int": {
                int s = 0;
                for (Object v : values) {
                    if (v != null) {
                        s = Math.addExact(s, (Integer) v);
                    }
                }
                return s;
            }
            case "long": {
                long s = 0;
                for (Object v : values) {
                    if (v != null) {
                        s = Math.addExact(s, (Long) v);
                    }
                }
                return s;
            }
            case "decimal": {
                BigDecimal s = BigDecimal.ZERO;
                for (Object v : values) {
                    if (v != null) {
                        s = s.add((BigDecimal) v);
                    }
                }
                return s;
            }
            case "float": {
                float s = 0;
                for (Object v : values) {
                    if (v != null) {
                        s += (Float) v;
                    }
                }
                return s;
            }
            default: {
                double s = 0;
                for (Object v : values) {
                    if (v != null) {
                        s += (Double) v;
                    }
                }
                return s;
            }
        }
    }

    /** Average: double for int/long/double, decimal for decimal; null for an empty nullable sequence. */
    public static Object average(List<Object> values, String kind, boolean nullable) {
        List<Object> present = values.stream().filter(Objects::nonNull).toList();
        if (present.isEmpty()) {
            if (nullable) {
                return null;
            }
            throw DotNetException.invalidOperation("Sequence contains no elements");
        }
        if (kind.equals("decimal")) {
            return ((BigDecimal) sum(present, "decimal")).divide(BigDecimal.valueOf(present.size()), Numbers.DECIMAL);
        }
        double total = 0;
        for (Object v : present) {
            total += ((Number) v).doubleValue();
        }
        return kind.equals("float") ? (Object) (float) (total / present.size()) : (Object) (total / present.size());
    }

    /** Min or Max by the default comparer; empty: error for value types, null for nullable/reference ones. */
    public static Object extreme(List<Object> values, boolean max, boolean nullOnEmpty) {
        Object best = null;
        boolean any = false;
        for (Object v : values) {
            if (v == null) {
                continue;
            }
            if (!any || (max ? compare(v, best) > 0 : compare(v, best) < 0)) {
                best = v;
                any = true;
            }
        }
        if (!any && !nullOnEmpty) {
            throw DotNetException.invalidOperation("Sequence contains no elements");
        }
        return best;
    }

    /** Comparer&lt;T&gt;.Default: numbers by value, strings culture-aware, others by their order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof String x && b instanceof String y) {
            return Strings.compare(x, y, false, false);
        }
        if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a instanceof EnumValue x && b instanceof EnumValue y) {
            return Long.compare(x.value(), y.value());
        }
        if (a instanceof Comparable c) {
            return c.compareTo(b);
        }
        throw DotNetException.invalidOperation("Failed to compare two elements in the array. (" + RuntimeTypes.nameOf(a) + " does not implement IComparable)");
    }
}
