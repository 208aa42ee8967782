package dev.breakwater.gateway.metrics;

/** The gateway's status in JMX ({@code <domain>:type=Gateway}), with an operation to sync now. */
public interface GatewayMXBean {

    String getGatewayName();

    String getInstanceId();

    long getRevision();

    boolean isReady();

    boolean isConnected();

    /** Since the management plane last answered, or -1 (standalone, or never). */
    long getSecondsSinceLastSync();

    long getBackupRevision();

    String getLastError();

    /** Where the limits count: {@code local} or {@code redis} ({@code counters.store}). */
    String getCounterStore();

    /** Whether the counter store answers now ({@code false} while Redis is unreachable). */
    boolean isCounterStoreAvailable();

    /** The external cache: {@code none} or {@code redis} ({@code cache.external}). */
    String getExternalCache();

    /** Whether the external cache answers now ({@code false} while Redis is unreachable: the internal cache serves). */
    boolean isExternalCacheAvailable();

    /** Asks the management plane for its configuration now; returns what happened. */
    String syncNow();
}
