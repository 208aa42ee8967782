package dev.breakwater.gateway.bootstrap;

import dev.breakwater.gateway.backup.ConfigBackup;
import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.policy.PolicyRegistry;
import dev.breakwater.gateway.proxy.GatewayServlet;
import dev.breakwater.gateway.proxy.ReadinessServlet;
import dev.breakwater.gateway.proxy.RequestCounters;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.settings.SettingsException;
import dev.breakwater.gateway.snapshot.ActiveConfig;
import dev.breakwater.gateway.snapshot.ConfigSnapshot;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import dev.breakwater.gateway.source.LocalFileConfigSource;
import dev.breakwater.gateway.status.GatewayStatus;
import dev.breakwater.gateway.status.StatusServlet;
import dev.breakwater.gateway.sync.Backoff;
import dev.breakwater.gateway.sync.GatewayIdentity;
import dev.breakwater.gateway.sync.ManagementPlaneClient;
import dev.breakwater.gateway.sync.SyncService;
import dev.breakwater.gateway.sync.SyncStatus;
import dev.breakwater.gateway.sync.SyncTimings;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A gateway, wired by constructors from its settings: policy registry, compiler, the active
 * configuration and where it comes from, either the management plane (synced in the
 * background) or a local file (standalone). Hosts (the runner's Jetty, a servlet container)
 * register its servlets; two gateways can live in one JVM.
 */
public final class Gateway implements AutoCloseable {

    private final Settings settings;
    private final Context context;
    private final LocalFileConfigSource file;
    private final SyncService sync;
    private final ConfigBackup backup;

    /** What every gateway has, whatever its configuration comes from. */
    private record Context(ActiveConfig activeConfig, RequestCounters counters, GatewayIdentity identity,
                           SnapshotCompiler compiler, Clock clock) {
    }

    private Gateway(Settings settings, Context context, LocalFileConfigSource file, SyncService sync, ConfigBackup backup) {
        this.settings = settings;
        this.context = context;
        this.file = file;
        this.sync = sync;
        this.backup = backup;
    }

    /**
     * Starts a gateway and returns once it serves a configuration: the local file's in
     * standalone mode; with a management plane, its configuration or else the backup's
     * (see {@link ManagedStartup}), after which the sync goes on in the background.
     *
     * @throws SettingsException when a setting is missing or malformed
     * @throws ConfigException   when there is no configuration to serve
     */
    public static Gateway start(Settings settings) throws SettingsException, ConfigException {
        Clock clock = Clock.systemUTC();
        Context context = new Context(new ActiveConfig(), new RequestCounters(),
                GatewayIdentity.of(settings.get(GatewaySettings.GATEWAY_NAME), clock.instant()),
                new SnapshotCompiler(PolicyRegistry.builtIn(), clock), clock);
        String endpoint = settings.get(GatewaySettings.SERVICE_ENDPOINT);
        if (endpoint != null && settings.get(GatewaySettings.LOCAL_FILE) != null) {
            throw new SettingsException("set config.service.endpoint (managed) or config.local.file (standalone), not both");
        }
        if (endpoint != null) {
            return startManaged(settings, endpoint, context);
        }
        LocalFileConfigSource file = new LocalFileConfigSource(Path.of(settings.require(GatewaySettings.LOCAL_FILE)),
                context.compiler(), context.activeConfig(), settings.duration(GatewaySettings.LOCAL_FILE_POLL));
        try {
            file.loadInitial();
        } catch (ConfigException e) {
            file.close();
            throw e;
        }
        file.start();
        return new Gateway(settings, context, file, null, null);
    }

    private static Gateway startManaged(Settings settings, String endpoint, Context context)
            throws SettingsException, ConfigException {
        settings.require(GatewaySettings.GATEWAY_NAME);
        ConfigBackup backup = settings.bool(GatewaySettings.BACKUP_ENABLED) ? openBackup(settings, context.clock()) : null;
        SyncService sync = null;
        try {
            sync = sync(settings, endpoint, context, backup);
            sync.start();
            ManagedStartup.await(sync.status(), backup, context.compiler(), context.activeConfig(),
                    settings.duration(GatewaySettings.STARTUP_TIMEOUT), endpoint, context.clock());
            return new Gateway(settings, context, null, sync, backup);
        } catch (SettingsException | ConfigException | RuntimeException e) {
            closeQuietly(sync, backup);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(sync, backup);
            throw new ConfigException("interrupted while starting");
        }
    }

    private static ConfigBackup openBackup(Settings settings, Clock clock) throws SettingsException, ConfigException {
        Path path = Path.of(settings.require(GatewaySettings.BACKUP_PATH));
        try {
            return ConfigBackup.open(path, settings.integer(GatewaySettings.BACKUP_GENERATIONS, 1, 1000), clock);
        } catch (SQLException e) {
            throw new ConfigException("the configuration backup in " + path.toAbsolutePath() + " cannot be opened: "
                    + e.getMessage().lines().findFirst().orElse("") + " (is another gateway using it?)");
        }
    }

    private static void closeQuietly(SyncService sync, ConfigBackup backup) {
        if (sync != null) {
            sync.close();
        }
        if (backup != null) {
            backup.close();
        }
    }

    private static SyncService sync(Settings settings, String endpoint, Context context, ConfigBackup backup)
            throws SettingsException {
        String name = context.identity().gatewayName();
        String token = settings.require(GatewaySettings.SERVICE_AUTH);
        if (!token.startsWith("GatewayKey ")) {
            throw new SettingsException("setting 'config.service.auth' must be a gateway token starting with 'GatewayKey '");
        }
        URI base;
        try {
            base = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
        } catch (IllegalArgumentException e) {
            throw new SettingsException("setting 'config.service.endpoint' is not a URL: " + endpoint);
        }
        Duration interval = settings.duration(GatewaySettings.SYNC_INTERVAL);
        SyncTimings timings = new SyncTimings(interval, settings.duration(GatewaySettings.SYNC_WAIT),
                settings.duration(GatewaySettings.HEARTBEAT_INTERVAL));
        return new SyncService(new ManagementPlaneClient(base, name, token, Duration.ofSeconds(5)), context.compiler(),
                context.activeConfig(), timings, context.identity(), context.counters(), context.clock(),
                new Backoff(Duration.ofSeconds(1), interval.multipliedBy(6), new Random()), backup);
    }

    public ActiveConfig activeConfig() {
        return context.activeConfig();
    }

    public GatewayServlet newGatewayServlet() {
        return new GatewayServlet(context.activeConfig(), context.counters());
    }

    public ReadinessServlet newReadinessServlet() {
        return new ReadinessServlet(context.activeConfig());
    }

    /** The status endpoints, {@code /status} and {@code /health}, for an admin listener. */
    public StatusServlet newStatusServlet() {
        return new StatusServlet(this::status);
    }

    /** The sync with the management plane, or {@code null} in standalone mode. */
    public SyncService sync() {
        return sync;
    }

    /** What the gateway serves, since when, from where, and whether its management plane answers. */
    public GatewayStatus status() {
        ConfigSnapshot serving = context.activeConfig().current();
        Instant now = context.clock().instant();
        GatewayIdentity identity = context.identity();
        long revision = serving == null ? -1 : serving.revision();
        String source = serving == null ? null : serving.source();
        Instant appliedAt = serving == null ? null : serving.appliedAt();
        if (sync == null) {
            return new GatewayStatus(identity.gatewayName(), identity.instanceId(), "standalone", serving != null,
                    revision, source, appliedAt, null, null, null, null, null, null, -1, file.lastError());
        }
        SyncStatus status = sync.status();
        Instant disconnected = status.disconnectedSince();
        Instant lastSync = status.lastPull();
        return new GatewayStatus(identity.gatewayName(), identity.instanceId(), "managed", serving != null, revision,
                source, appliedAt, lastSync != null && disconnected == null, disconnected,
                disconnected == null ? null : Duration.between(disconnected, now).toSeconds(), lastSync,
                lastSync == null ? null : Duration.between(lastSync, now).toSeconds(), status.servingFromBackupSince(),
                status.backupRevision(), status.reportedError());
    }

    /**
     * The init parameters of the gateway servlet (read by Jetty's proxy servlet).
     *
     * @param ownThreadPool true in a servlet container, where there is no Jetty executor to share
     */
    public Map<String, String> proxyInitParameters(boolean ownThreadPool) throws SettingsException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("maxConnections", String.valueOf(settings.integer(GatewaySettings.BACKEND_MAX_CONNECTIONS, 1, 100_000)));
        parameters.put("idleTimeout", String.valueOf(settings.duration(GatewaySettings.BACKEND_IDLE_TIMEOUT).toMillis()));
        parameters.put("timeout", "0");
        // Read a backend's response in 64 KiB pieces rather than 16 KiB: fewer, larger writes to the client.
        parameters.put("responseBufferSize", String.valueOf(64 * 1024));
        if (ownThreadPool) {
            parameters.put("maxThreads", String.valueOf(settings.integer(GatewaySettings.PROXY_MAX_THREADS, 8, 10_000)));
        }
        return parameters;
    }

    @Override
    public void close() {
        if (file != null) {
            file.close();
        }
        closeQuietly(sync, backup);
    }
}
