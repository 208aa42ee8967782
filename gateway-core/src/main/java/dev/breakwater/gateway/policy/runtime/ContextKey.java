package dev.breakwater.gateway.policy.runtime;

/**
 * A typed key for a value a policy leaves in the {@link PolicyContext} for a later step,
 * so that the context grows by keys rather than by methods.
 *
 * @param name for debugging only; keys are compared by identity
 */
public record ContextKey<T>(String name, Class<T> type) {

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
