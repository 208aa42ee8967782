package dev.breakwater.gateway.sync;

import dev.breakwater.gateway.backup.ConfigBackup;
import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.metrics.RequestCounters;
import dev.breakwater.gateway.snapshot.ActiveConfig;
import dev.breakwater.gateway.snapshot.ConfigSnapshot;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's background sync with the management plane: one thread pulls the configuration
 * (long polling, so a change arrives at once), compiles it and swaps it in; another sends
 * heartbeats ({@link HeartbeatSender}). Failures back off with jitter; a persistent failure is
 * logged once, then its recovery. A document that does not compile, or that would roll the served revision
 * back ({@link RevisionGuard}), is refused, the one being served stays, and the error goes into
 * the heartbeat sent right after.
 */
public final class SyncService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    private final ManagementPlaneClient client;
    private final SnapshotCompiler compiler;
    private final ActiveConfig active;
    private final SyncTimings timings;
    private final GatewayIdentity identity;
    private final Clock clock;
    private final Backoff backoff;
    private final ConfigBackup backup;
    private final TelemetrySender telemetry;
    private final HeartbeatSender heartbeats;
    private final Thread puller;
    private final SyncStatus status = new SyncStatus();
    private volatile boolean running = true;

    /**
     * @param backup    where every applied configuration is saved first, or {@code null} when disabled
     * @param telemetry sends request aggregates after each heartbeat
     */
    public SyncService(ManagementPlaneClient client, SnapshotCompiler compiler, ActiveConfig active, SyncTimings timings,
                       GatewayIdentity identity, RequestCounters counters, Clock clock, Backoff backoff,
                       ConfigBackup backup, TelemetrySender telemetry, StoreStates stores) {
        this.client = client;
        this.compiler = compiler;
        this.active = active;
        this.timings = timings;
        this.identity = identity;
        this.clock = clock;
        this.backoff = backoff;
        this.backup = backup;
        this.telemetry = telemetry;
        this.puller = new Thread(this::pullLoop, "breakwater-sync");
        this.puller.setDaemon(true);
        this.heartbeats = new HeartbeatSender(client, active, status, timings.heartbeatInterval(), identity, counters,
                clock, telemetry, stores);
    }

    /**
     * Starts pulling. The first heartbeat goes as soon as the management plane has answered
     * (so that it shows the applied revision at once, not after an interval), then one every
     * interval, and one more after every document applied or refused.
     */
    public void start() {
        puller.start();
        heartbeats.start();
    }

    public SyncStatus status() {
        return status;
    }

    public TelemetrySender telemetry() {
        return telemetry;
    }

    /**
     * Asks the management plane for its configuration now (the JMX operation), beside the
     * background long poll; applies it if it differs from what is served.
     */
    public synchronized String syncNow() {
        try {
            ManagementPlaneClient.Fetched fetched = client.fetch(null, Duration.ZERO);
            status.pulled(clock.instant());
            String refused = apply(fetched.document());
            return refused == null ? "serving revision " + active.current().revision() : refused;
        } catch (SyncException e) {
            return "failed: " + e.getMessage();
        }
    }

    private void pullLoop() {
        int failures = 0;
        boolean answered = false;
        String etag = null;
        while (running) {
            try {
                ManagementPlaneClient.Fetched fetched = client.fetch(etag, timings.longPollWait());
                status.pulled(clock.instant());
                boolean report = failures > 0 || !answered;
                if (failures > 0) {
                    LOG.info("management plane reachable again after {} failed attempts", failures);
                }
                failures = 0;
                answered = true;
                if (fetched != null) {
                    etag = fetched.etag(); // also for a refused document: wait for the next one, not this again
                    status.attempted(apply(fetched.document()));
                    report = true;
                } else {
                    status.attempted(null);
                }
                if (report) {
                    heartbeats.soon();
                }
                if (timings.longPollWait().isZero()) {
                    pause(timings.syncInterval());
                }
            } catch (SyncException e) {
                failures++;
                status.failed(e.getMessage(), clock.instant());
                status.attempted(e.getMessage());
                if (failures == 1) {
                    logFailure(e);
                }
                pause(backoff.delay(failures));
            } catch (RuntimeException e) {
                if (!running) {
                    break; // the client was closed under a request in flight
                }
                failures++;
                LOG.error("configuration sync failed unexpectedly; retrying", e);
                pause(backoff.delay(failures));
            }
        }
    }

    /**
     * Compiles a document, saves it to the backup, then serves it. A document that does not
     * compile is neither served nor saved.
     *
     * @return null when the document is served, else why not
     */
    private synchronized String apply(byte[] document) {
        String sha256 = SnapshotCompiler.sha256(document);
        ConfigSnapshot serving = active.current();
        if (serving != null && serving.sha256().equals(sha256)) {
            status.applied(serving.revision());
            return null;
        }
        ConfigSnapshot snapshot;
        try {
            snapshot = compiler.compile(document, "management plane");
        } catch (ConfigException e) {
            status.refused("refused: " + e.getMessage());
            LOG.warn("configuration from the management plane refused, still serving revision {}: {}",
                    serving == null ? "none" : serving.revision(), e.getMessage());
            return "refused: " + e.getMessage();
        }
        String rollback = RevisionGuard.refusal(serving, snapshot);
        if (rollback != null) {
            status.refused(rollback);
            LOG.warn(rollback);
            return rollback;
        }
        saveToBackup(snapshot, document);
        active.swap(snapshot);
        status.applied(snapshot.revision());
        LOG.info("serving configuration revision {} from the management plane ({} APIs)", snapshot.revision(),
                snapshot.routes().size());
        return null;
    }

    /**
     * A backup that cannot be written (disk full) does not stop the new configuration from
     * being served: traffic comes first. The failure is logged and reported in status and heartbeats.
     */
    private void saveToBackup(ConfigSnapshot snapshot, byte[] document) {
        if (backup == null) {
            return;
        }
        try {
            backup.save(snapshot.revision(), document, snapshot.source());
            status.backedUp(snapshot.revision(), clock.instant());
        } catch (SQLException e) {
            status.backupFailed(e.getMessage());
            LOG.error("configuration revision {} is served but could not be saved to the backup in {}: {}",
                    snapshot.revision(), backup.directory(), e.getMessage());
        }
    }

    private void logFailure(SyncException e) {
        if (e.unauthorized()) {
            LOG.error("gateway token rejected: expired or invalid; generate a new one for gateway '{}' "
                    + "and set config.service.auth ({})", identity.gatewayName(), e.getMessage());
        } else {
            LOG.warn("configuration sync failed, will retry with back-off; still serving revision {}: {}",
                    active.current() == null ? "none" : active.current().revision(), e.getMessage());
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        puller.interrupt();
        heartbeats.close();
        client.close();
    }
}
