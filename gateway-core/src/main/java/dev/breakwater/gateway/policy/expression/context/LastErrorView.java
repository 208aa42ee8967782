package dev.breakwater.gateway.policy.expression.context;

/** {@code context.LastError}: the error being handled in on-error (null elsewhere). */
public interface LastErrorView {
    String source();

    String reason();

    String message();

    String scope();

    String section();

    String path();

    String policyId();
}
