package dev.breakwater.gateway.sync;

import dev.breakwater.gateway.status.GatewayStatus;

/**
 * Where the gateway's limits count and whether its external cache answers, as {@code /status} shows
 * them, for heartbeats: the management plane's gateway status then tells an operator which replicas
 * count alone because Redis is out of their reach.
 */
public interface StoreStates {

    GatewayStatus.Counters counters();

    GatewayStatus.Cache cache();
}
