package dev.breakwater.gateway.policy.runtime;

/**
 * The gateway a request runs on ({@code context.Deployment}).
 *
 * @param gatewayId   the gateway's name in the management plane ("" when standalone)
 * @param instanceId  this process's id
 * @param region      the region setting ("" when unset)
 * @param serviceName the name of the service, {@code breakwater}
 */
public record Deployment(String gatewayId, String instanceId, String region, String serviceName) {

    /** A deployment for tests and standalone use. */
    public static Deployment standalone() {
        return new Deployment("", "", "", "breakwater");
    }
}
