package dev.breakwater.gateway.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.breakwater.gateway.status.GatewayStatus;
import dev.breakwater.gateway.metrics.RequestCounts;
import java.time.Instant;

/**
 * What a gateway instance reports to the management plane every heartbeat interval.
 *
 * @param revision                 the revision being served, or -1 for none yet
 * @param lastConfigPull           when the management plane last answered a configuration request
 * @param lastError                why the last document was refused or the last pull failed, or null
 * @param heartbeatIntervalSeconds so that the management plane knows when an instance is overdue
 * @param counters                 where the limits count and whether that store answers now; left out
 *                                 when they count in the gateway's memory, so that a management plane of
 *                                 an earlier version still reads the heartbeats of default gateways
 * @param cache                    the external cache and whether it answers now; left out without one
 */
public record Heartbeat(String gatewayName, String instanceId, String hostname, String version, long revision,
                        Instant lastConfigPull, String lastError, long uptimeSeconds, int heartbeatIntervalSeconds,
                        RequestCounts requests,
                        @JsonInclude(JsonInclude.Include.NON_NULL) GatewayStatus.Counters counters,
                        @JsonInclude(JsonInclude.Include.NON_NULL) GatewayStatus.Cache cache) {

    /** A heartbeat of a gateway whose limits count in its memory and which has no external cache. */
    public Heartbeat(String gatewayName, String instanceId, String hostname, String version, long revision,
                     Instant lastConfigPull, String lastError, long uptimeSeconds, int heartbeatIntervalSeconds,
                     RequestCounts requests) {
        this(gatewayName, instanceId, hostname, version, revision, lastConfigPull, lastError, uptimeSeconds,
                heartbeatIntervalSeconds, requests, null, null);
    }
}
