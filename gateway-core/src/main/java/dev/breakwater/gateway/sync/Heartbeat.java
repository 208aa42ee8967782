package dev.breakwater.gateway.sync;

import dev.breakwater.gateway.metrics.RequestCounts;
import java.time.Instant;

/**
 * What a gateway instance reports to the management plane every heartbeat interval.
 *
 * @param revision                 the revision being served, or -1 for none yet
 * @param lastConfigPull           when the management plane last answered a configuration request
 * @param lastError                why the last document was refused or the last pull failed, or null
 * @param heartbeatIntervalSeconds so that the management plane knows when an instance is overdue
 */
public record Heartbeat(String gatewayName, String instanceId, String hostname, String version, long revision,
                        Instant lastConfigPull, String lastError, long uptimeSeconds, int heartbeatIntervalSeconds,
                        RequestCounts requests) {
}
