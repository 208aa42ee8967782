package dev.breakwater.gateway.bootstrap;

import dev.breakwater.gateway.policy.cache.redis.ExternalCache;
import dev.breakwater.gateway.policy.limits.CounterStore;
import dev.breakwater.gateway.policy.runtime.ExternalCacheConfig;
import dev.breakwater.gateway.snapshot.ConfigSnapshot;
import dev.breakwater.gateway.source.LocalFileConfigSource;
import dev.breakwater.gateway.status.GatewayStatus;
import dev.breakwater.gateway.sync.StoreStates;
import dev.breakwater.gateway.sync.GatewayIdentity;
import dev.breakwater.gateway.sync.SyncService;
import dev.breakwater.gateway.sync.SyncStatus;
import java.time.Duration;
import java.time.Instant;

/** Builds a gateway's {@link GatewayStatus} from what it serves and how its source is doing. */
final class GatewayStatuses {

    private GatewayStatuses() {
    }

    static GatewayStatus of(GatewayParts parts, LocalFileConfigSource file, SyncService sync) {
        ConfigSnapshot serving = parts.activeConfig().current();
        Instant now = parts.clock().instant();
        GatewayIdentity identity = parts.identity();
        long revision = serving == null ? -1 : serving.revision();
        String source = serving == null ? null : serving.source();
        Instant appliedAt = serving == null ? null : serving.appliedAt();
        if (sync == null) {
            return new GatewayStatus(identity.gatewayName(), identity.instanceId(), identity.version(), "standalone",
                    serving != null, revision, source, appliedAt, null, null, null, null, null, null, -1,
                    file == null ? null : file.lastError(), counters(parts), cache(parts));
        }
        SyncStatus status = sync.status();
        Instant disconnected = status.disconnectedSince();
        Instant lastSync = status.lastPull();
        return new GatewayStatus(identity.gatewayName(), identity.instanceId(), identity.version(), "managed",
                serving != null, revision, source, appliedAt, lastSync != null && disconnected == null, disconnected,
                disconnected == null ? null : Duration.between(disconnected, now).toSeconds(), lastSync,
                lastSync == null ? null : Duration.between(lastSync, now).toSeconds(), status.servingFromBackupSince(),
                status.backupRevision(), status.reportedError(), counters(parts), cache(parts));
    }

    /** The shared stores' states for heartbeats, read when each is sent. */
    static StoreStates stores(GatewayParts parts) {
        return new StoreStates() {
            @Override
            public GatewayStatus.Counters counters() {
                return GatewayStatuses.counters(parts);
            }

            @Override
            public GatewayStatus.Cache cache() {
                return GatewayStatuses.cache(parts);
            }
        };
    }

    private static GatewayStatus.Cache cache(GatewayParts parts) {
        ExternalCache external = parts.policyServices().externalCache();
        return external == null ? new GatewayStatus.Cache(ExternalCacheConfig.NONE, true)
                : new GatewayStatus.Cache(ExternalCacheConfig.REDIS, external.available());
    }

    private static GatewayStatus.Counters counters(GatewayParts parts) {
        CounterStore store = parts.policyServices().counterStore();
        return new GatewayStatus.Counters(store.storeName(), store.available());
    }
}
