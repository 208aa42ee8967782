package dev.breakwater.gateway.sync;

import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.gateway.telemetry.TelemetryAggregator;
import dev.breakwater.gateway.telemetry.TelemetryBucket;
import dev.breakwater.gateway.telemetry.TelemetryReport;
import dev.breakwater.gateway.telemetry.TelemetrySpool;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves each finished minute of telemetry into the spool, then sends the oldest spooled buckets
 * to the management plane after each heartbeat, and forgets them once it has them. While the
 * management plane is away they wait in the spool, up to the retention; older ones are dropped
 * and counted.
 */
public final class TelemetrySender {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetrySender.class);
    private static final int BATCH = 500;

    private final TelemetryAggregator aggregator;
    private final TelemetrySpool spool;
    private final Duration retention;
    private final Clock clock;
    private final String instanceId;
    private final StrictJson json = new StrictJson();
    private final AtomicLong dropped = new AtomicLong();

    public TelemetrySender(TelemetryAggregator aggregator, TelemetrySpool spool, Duration retention, Clock clock,
                           String instanceId) {
        this.aggregator = aggregator;
        this.spool = spool;
        this.retention = retention;
        this.clock = clock;
        this.instanceId = instanceId;
    }

    /** Spools the minutes that are over and drops what is older than the retention. */
    void spoolFinishedMinutes() {
        Instant now = clock.instant();
        try {
            spool.add(aggregator.drainFinished(now));
            int gone = spool.dropOlderThan(now.minus(retention));
            if (gone > 0) {
                dropped.addAndGet(gone);
                LOG.warn("dropped {} telemetry buckets older than {} that the management plane never received",
                        gone, retention);
            }
        } catch (SQLException e) {
            LOG.warn("telemetry could not be spooled: {}", e.getMessage());
        }
    }

    /** Sends the oldest spooled buckets; they stay spooled unless the management plane took them. */
    void sendSpooled(ManagementPlaneClient client) throws SyncException {
        try {
            List<TelemetryBucket> batch = spool.oldest(BATCH);
            if (!batch.isEmpty()) {
                client.telemetry(json.write(new TelemetryReport(instanceId, batch)));
                spool.remove(batch);
            }
        } catch (SQLException e) {
            LOG.warn("spooled telemetry could not be read or removed: {}", e.getMessage());
        }
    }

    /** Buckets dropped because they outlived the retention before delivery. */
    public long dropped() {
        return dropped.get();
    }

    public long spooled() {
        try {
            return spool.size();
        } catch (SQLException e) {
            return -1;
        }
    }
}
