package dev.breakwater.gateway.policy.runtime;

/**
 * A value a policy takes (an attribute, an element's text), compiled once: a constant, a named
 * value (substituted when compiled, so a constant too) or a policy expression evaluated per
 * request. Constants cost nothing per request.
 */
@FunctionalInterface
public interface Value<T> {

    /**
     * The value for one request.
     *
     * @throws PolicyException when an expression fails ({@code ExpressionValueEvaluationFailure})
     */
    T get(PolicyContext context) throws PolicyException;

    /** Whether the value is the same for every request. */
    default boolean isConstant() {
        return false;
    }

    /** The value when it is a constant, else {@code null}. */
    default T constant() {
        return null;
    }

    /** A constant value. */
    static <T> Value<T> of(T constant) {
        return new Value<>() {
            @Override
            public T get(PolicyContext context) {
                return constant;
            }

            @Override
            public boolean isConstant() {
                return true;
            }

            @Override
            public T constant() {
                return constant;
            }

            @Override
            public String toString() {
                return String.valueOf(constant);
            }
        };
    }
}
