package dev.breakwater.gateway.policy.expression.context;

/** {@code context.Deployment}. */
public interface DeploymentView {
    String gatewayId();

    String region();

    String serviceName();

    String serviceId();

    /** This gateway instance (process), for {@code context.Deployment.Gateway.InstanceId}. */
    String instanceId();

    /** False: this is a self-hosted gateway ({@code context.Deployment.Gateway.IsManaged}). */
    default boolean isManaged() {
        return false;
    }
}
