package dev.breakwater.gateway.policy.expression.context;

/** {@code context.Deployment}. */
public interface DeploymentView {
    String gatewayId();

    String region();

    String serviceName();

    String serviceId();
}
