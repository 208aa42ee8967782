package dev.breakwater.gateway.status;

import java.time.Instant;

/**
 * What an operator asks a gateway first: is it serving, what, since when, from where, and is
 * it in touch with its management plane. Served as JSON at {@code /status} of the admin
 * listener; times are ISO-8601, absent values left out.
 *
 * @param version                the Breakwater version the gateway runs
 * @param mode                   {@code managed} or {@code standalone}
 * @param connected              whether the last pull succeeded (managed only)
 * @param disconnectedSeconds    how long the management plane has not answered (managed, disconnected)
 * @param secondsSinceLastSync   since the management plane last answered (managed)
 * @param servingFromBackupSince when the gateway started serving its backup's configuration, while it does
 * @param backupRevision         the newest revision in the backup, or -1
 * @param counters               where the limits count and whether that store answers now
 * @param cache                  the external cache and whether it answers now
 */
public record GatewayStatus(String gatewayName, String instanceId, String version, String mode, boolean ready, long revision,
                            String source, Instant appliedAt, Boolean connected, Instant disconnectedSince,
                            Long disconnectedSeconds, Instant lastSync, Long secondsSinceLastSync,
                            Instant servingFromBackupSince, long backupRevision, String lastError,
                            Counters counters, Cache cache) {

    /**
     * The counter store of the limits: {@code store} as {@code counters.store} names it, and whether it
     * answers now ({@code false} while Redis is unreachable: the gateway then counts alone or refuses).
     */
    public record Counters(String store, boolean available) {
    }

    /**
     * The external cache of caching-type external and prefer-external: {@code external} as
     * {@code cache.external} names it ({@code none} or {@code redis}), and whether it answers now
     * ({@code false} while Redis is unreachable: the gateway then uses its internal cache).
     */
    public record Cache(String external, boolean available) {
    }
}
