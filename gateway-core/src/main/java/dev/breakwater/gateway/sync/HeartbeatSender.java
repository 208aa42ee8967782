package dev.breakwater.gateway.sync;

import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.gateway.metrics.RequestCounters;
import dev.breakwater.gateway.status.GatewayStatus;
import dev.breakwater.gateway.snapshot.ActiveConfig;
import dev.breakwater.gateway.snapshot.ConfigSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heartbeat thread: a heartbeat every interval, and one as soon as there is news (the
 * management plane answered for the first time or again, a document was applied or refused),
 * so that its status shows what the gateway serves within moments, not an interval later.
 * Telemetry follows each heartbeat.
 */
final class HeartbeatSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatSender.class);

    private final ManagementPlaneClient client;
    private final ActiveConfig active;
    private final SyncStatus status;
    private final Duration interval;
    private final GatewayIdentity identity;
    private final RequestCounters counters;
    private final Clock clock;
    private final TelemetrySender telemetry;
    private final StoreStates stores;
    private final StrictJson json = new StrictJson();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread heartbeat = new Thread(runnable, "breakwater-heartbeat");
        heartbeat.setDaemon(true);
        return heartbeat;
    });

    HeartbeatSender(ManagementPlaneClient client, ActiveConfig active, SyncStatus status, Duration interval,
                    GatewayIdentity identity, RequestCounters counters, Clock clock, TelemetrySender telemetry,
                    StoreStates stores) {
        this.stores = stores;
        this.client = client;
        this.active = active;
        this.status = status;
        this.interval = interval;
        this.identity = identity;
        this.counters = counters;
        this.clock = clock;
        this.telemetry = telemetry;
    }

    /** The first periodic heartbeat after one interval: until then, only news sends one. */
    void start() {
        long period = interval.toMillis();
        thread.scheduleAtFixedRate(this::send, period, period, TimeUnit.MILLISECONDS);
    }

    /** Queues a heartbeat now, unless one is queued already (a stream of changes sends few). */
    void soon() {
        if (queued.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    queued.set(false); // news while this one is sent queues the next
                    send();
                });
            } catch (RejectedExecutionException closing) {
                queued.set(false);
            }
        }
    }

    private void send() {
        telemetry.spoolFinishedMinutes();
        try {
            ConfigSnapshot serving = active.current();
            // the stores are reported when shared (Redis), left out when the gateway keeps its own
            GatewayStatus.Counters counterStore = stores.counters();
            GatewayStatus.Cache cache = stores.cache();
            Heartbeat heartbeat = new Heartbeat(identity.gatewayName(), identity.instanceId(), identity.hostname(),
                    identity.version(), serving == null ? -1 : serving.revision(), status.lastPull(),
                    status.reportedError(), Duration.between(identity.startedAt(), clock.instant()).toSeconds(),
                    (int) interval.toSeconds(), counters.snapshot(),
                    "local".equals(counterStore.store()) ? null : counterStore,
                    "none".equals(cache.external()) ? null : cache);
            client.heartbeat(json.write(heartbeat));
            telemetry.sendSpooled(client);
        } catch (SyncException e) {
            status.heartbeatFailed();
            LOG.debug("heartbeat failed: {}", e.getMessage());
        } catch (RuntimeException e) {
            status.heartbeatFailed();
            LOG.warn("heartbeat failed unexpectedly", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            // a heartbeat in flight ends before the client it uses is closed (else it fails with a
            // stack trace about a shut-down client: seen when a TLS handshake was under way at close)
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
