package dev.breakwater.gateway.policy.expression.runtime;

import java.util.Arrays;

/** An instance of an anonymous type ({@code new { a = 1, b = "x" }}): names and values in order. */
public record AnonymousObject(String[] names, Object[] values) {

    /** As C# prints it: {@code { a = 1, b = x }}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{ ");
        for (int i = 0; i < names.length; i++) {
            b.append(i > 0 ? ", " : "").append(names[i]).append(" = ").append(ValueFormatter.toString(values[i]));
        }
        return b.append(" }").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnonymousObject a && Arrays.equals(names, a.names) && Arrays.equals(values, a.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }
}
