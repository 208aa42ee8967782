package dev.breakwater.gateway.sync;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.UUID;

/**
 * Who this gateway instance is, for heartbeats: the gateway's name (shared by every instance
 * of one gateway), an id of this process, the host, the software version, the start time.
 */
public record GatewayIdentity(String gatewayName, String instanceId, String hostname, String version, Instant startedAt) {

    public static GatewayIdentity of(String gatewayName, String version, Instant startedAt) {
        return new GatewayIdentity(gatewayName, UUID.randomUUID().toString(), localHostname(), version, startedAt);
    }

    private static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
