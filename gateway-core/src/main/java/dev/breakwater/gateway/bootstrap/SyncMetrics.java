package dev.breakwater.gateway.bootstrap;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import dev.breakwater.gateway.backup.ConfigBackup;
import dev.breakwater.gateway.sync.SyncService;
import dev.breakwater.gateway.sync.SyncStatus;
import java.sql.SQLException;
import java.time.Instant;

/** Gauges of the sync, the backup and the telemetry spool, read from their status when asked. */
final class SyncMetrics {

    private SyncMetrics() {
    }

    /** @param backup the backup, or {@code null} when disabled */
    static void register(MetricRegistry registry, SyncService sync, ConfigBackup backup) {
        SyncStatus status = sync.status();
        registry.register("sync.pulls", (Gauge<Long>) status::pulls);
        registry.register("sync.pullFailures", (Gauge<Long>) status::pullFailures);
        registry.register("sync.revision", (Gauge<Long>) status::appliedRevision);
        registry.register("sync.secondsSinceLastPull", (Gauge<Long>) () -> {
            Instant last = status.lastPull();
            return last == null ? -1 : Instant.now().getEpochSecond() - last.getEpochSecond();
        });
        registry.register("sync.heartbeatFailures", (Gauge<Long>) status::heartbeatFailures);
        registry.register("backup.revision", (Gauge<Long>) status::backupRevision);
        registry.register("backup.lastWrite", (Gauge<Long>) () -> {
            Instant last = status.lastBackupWrite();
            return last == null ? -1 : last.getEpochSecond();
        });
        if (backup != null) {
            registry.register("backup.generations", (Gauge<Long>) () -> {
                try {
                    return backup.count();
                } catch (SQLException e) {
                    return -1L;
                }
            });
        }
        registry.register("telemetry.spooled", (Gauge<Long>) () -> sync.telemetry().spooled());
        registry.register("telemetry.dropped", (Gauge<Long>) () -> sync.telemetry().dropped());
    }
}
