package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Enumerables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Index-based access shared by lists and arrays ({@code IList<T>} at run time is a Java List, an object
 * array or a byte array), with .NET's exceptions.
 */
public final class Sequences {

    private Sequences() {
    }

    public static int count(Object o) {
        if (o instanceof Collection<?> c) {
            return c.size();
        }
        if (o instanceof Map<?, ?> m) {
            return m.size();
        }
        if (o instanceof Object[] a) {
            return a.length;
        }
        if (o instanceof byte[] b) {
            return b.length;
        }
        if (o instanceof CharSequence s) {
            return s.length();
        }
        int n = 0;
        for (Iterator<?> it = Enumerables.iterate(o); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }

    public static Object get(Object o, int i) {
        if (o instanceof List<?> l) {
            if (i < 0 || i >= l.size()) {
                throw DotNetException.outOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
            }
            return l.get(i);
        }
        if (o instanceof Object[] a) {
            if (i < 0 || i >= a.length) {
                throw DotNetException.indexOutOfRange();
            }
            return a[i];
        }
        if (o instanceof byte[] b) {
            if (i < 0 || i >= b.length) {
                throw DotNetException.indexOutOfRange();
            }
            return b[i];
        }
        int n = 0;
        for (Iterator<?> it = Enumerables.iterate(o); it.hasNext(); n++) {
            Object v = it.next();
            if (n == i) {
                return v;
            }
        }
        throw DotNetException.outOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
    }

    @SuppressWarnings("unchecked")
    public static void set(Object o, int i, Object value) {
        if (o instanceof List<?> l) {
            if (i < 0 || i >= l.size()) {
                throw DotNetException.outOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
            }
            ((List<Object>) l).set(i, value);
        } else if (o instanceof Object[] a) {
            if (i < 0 || i >= a.length) {
                throw DotNetException.indexOutOfRange();
            }
            a[i] = value;
        } else if (o instanceof byte[] b) {
            b[i] = (Byte) value;
        } else {
            throw DotNetException.notSupported("Collection is read-only.");
        }
    }

    public static int indexOf(Object o, Object value) {
        int n = 0;
        for (Iterator<?> it = Enumerables.iterate(o); it.hasNext(); n++) {
            if (Objects.equals(it.next(), value)) {
                return n;
            }
        }
        return -1;
    }

    /** A new list with the elements of any enumerable. */
    public static List<Object> toList(Object o) {
        List<Object> list = new ArrayList<>();
        for (Iterator<?> it = Enumerables.iterate(o); it.hasNext(); ) {
            list.add(it.next());
        }
        return list;
    }
}
