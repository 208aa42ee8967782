package dev.breakwater.gateway.proxy;

import dev.breakwater.gateway.policy.runtime.Deployment;
import dev.breakwater.gateway.tls.BackendTrust;
import java.time.Clock;
import java.time.Duration;

/**
 * How the gateway servlet treats clients and backends, from the settings.
 *
 * @param forwarded                 which forwarding headers are believed and what the backend gets
 * @param maxResponseHeaderBytes    the largest backend response head accepted; more is a 502
 * @param backendFailureLogInterval how often one failing backend may be warned about
 * @param policyBodyLimit           the largest body the gateway buffers for a policy that reads it
 * @param deployment                the gateway, as policies see it ({@code context.Deployment})
 * @param backendTrust              the certificate authorities backends' certificates are checked against;
 *                                  {@code null}: the JVM's default ones
 */
public record ProxyOptions(ForwardedHeaders forwarded, int maxResponseHeaderBytes, Duration backendFailureLogInterval,
                           int policyBodyLimit, Deployment deployment, Clock clock, BackendTrust backendTrust) {

    /** Options with the JVM's default trust for backends. */
    public ProxyOptions(ForwardedHeaders forwarded, int maxResponseHeaderBytes, Duration backendFailureLogInterval,
                        int policyBodyLimit, Deployment deployment, Clock clock) {
        this(forwarded, maxResponseHeaderBytes, backendFailureLogInterval, policyBodyLimit, deployment, clock, null);
    }

    /** Defaults for tests and embedding: no trusted proxies, 8 KiB of headers, 4 MiB bodies. */
    public static ProxyOptions defaults() {
        return new ProxyOptions(ForwardedHeaders.trustingNone(), 8192, Duration.ofSeconds(10), 4 * 1024 * 1024,
                Deployment.standalone(), Clock.systemUTC());
    }
}
