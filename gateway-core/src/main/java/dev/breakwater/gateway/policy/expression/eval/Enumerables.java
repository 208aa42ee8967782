package dev.breakwater.gateway.policy.expression.eval;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/** Enumerates the run-time value of any .NET enumerable: lists, sets, dictionaries (as pairs), arrays, strings. */
public final class Enumerables {

    private Enumerables() {
    }

    public static Iterator<?> iterate(Object value) {
        if (value == null) {
            throw DotNetException.argumentNull("source");
        }
        if (value instanceof Iterable<?> i) {
            return i.iterator();
        }
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().iterator();
        }
        if (value instanceof Object[] a) {
            return Arrays.asList(a).iterator();
        }
        if (value instanceof byte[] bytes) {
            return new Iterator<Object>() {
                private int i;

                @Override
                public boolean hasNext() {
                    return i < bytes.length;
                }

                @Override
                public Object next() {
                    if (i >= bytes.length) {
                        throw new NoSuchElementException();
                    }
                    return bytes[i++];
                }
            };
        }
        if (value instanceof CharSequence s) {
            return s.chars().mapToObj(c -> (Object) (char) c).iterator();
        }
        throw DotNetException.invalidCast(RuntimeTypes.nameOf(value), "System.Collections.IEnumerable");
    }

    /** True for values {@link #iterate} accepts. */
    public static boolean isEnumerable(Object value) {
        return value instanceof Iterable || value instanceof Map || value instanceof Object[] || value instanceof byte[]
                || value instanceof CharSequence;
    }
}
