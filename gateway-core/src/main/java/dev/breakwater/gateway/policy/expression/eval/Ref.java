package dev.breakwater.gateway.policy.expression.eval;

/** The cell passed for an {@code out} or {@code ref} argument; the method sets {@link #value}. */
public final class Ref {
    public Object value;

    public Ref(Object value) {
        this.value = value;
    }

    /** Sets the cell passed as {@code out} argument and returns {@code result} (for one-line TryParse methods). */
    public static Object set(Object cell, Object value, Object result) {
        ((Ref) cell).value = value;
        return result;
    }
}
