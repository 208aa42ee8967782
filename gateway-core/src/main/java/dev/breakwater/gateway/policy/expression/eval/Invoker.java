package dev.breakwater.gateway.policy.expression.eval;

/**
 * The Java code behind a library member: a method, constructor, property getter or indexer.
 * {@code target} is null for static members; {@code args} are already converted to the parameter types.
 */
@FunctionalInterface
public interface Invoker {
    Object invoke(Frame frame, Object target, Object[] args);
}
