package dev.breakwater.gateway.policy.expression.context;

/** {@code context.Operation}. */
public interface OperationView {
    String id();

    String method();

    String name();

    String urlTemplate();
}
