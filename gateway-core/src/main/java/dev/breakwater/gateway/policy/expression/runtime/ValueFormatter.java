package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.RuntimeTypes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * .NET's {@code ToString()} of any run-time value (invariant culture): {@code True}/{@code False},
 * numbers as .NET prints them, collections by type name, and each .NET-shaped class's own rendering.
 * String concatenation and interpolation use it; null becomes "".
 */
public final class ValueFormatter {

    private ValueFormatter() {
    }

    public static String toString(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Character c) {
            return String.valueOf(c.charValue());
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Double || v instanceof Float
                || v instanceof BigDecimal || v instanceof Short || v instanceof Byte) {
            return NumberFormatter.toString(v);
        }
        if (v instanceof UUID u) {
            return u.toString();
        }
        if (v instanceof byte[]) {
            return "System.Byte[]";
        }
        if (v instanceof Object[]) {
            return RuntimeTypes.nameOf(v);
        }
        if (v instanceof List) {
            return "System.Collections.Generic.List`1[System.Object]";
        }
        if (v instanceof Map) {
            return "System.Collections.Generic.Dictionary`2[System.String,System.Object]";
        }
        if (v instanceof Map.Entry<?, ?> e) {
            return "[" + toString(e.getKey()) + ", " + toString(e.getValue()) + "]";
        }
        return v.toString();
    }

    /** {@code ToString(format)}: numbers, and values that implement .NET formatting; others ignore the format. */
    public static String format(Object v, String format) {
        if (v == null) {
            return "";
        }
        if (format == null || format.isEmpty()) {
            return toString(v);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Double || v instanceof Float
                || v instanceof BigDecimal || v instanceof Short || v instanceof Byte) {
            return NumberFormatter.format(v, format);
        }
        if (v instanceof DotNetFormattable f) {
            return f.format(format);
        }
        if (v instanceof UUID u) {
            return GuidFormat.format(u, format);
        }
        return toString(v);
    }
}
