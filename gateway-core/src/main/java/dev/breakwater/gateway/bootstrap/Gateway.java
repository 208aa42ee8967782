package dev.breakwater.gateway.bootstrap;

import com.codahale.metrics.MetricRegistry;
import dev.breakwater.gateway.backup.BackupKey;
import dev.breakwater.gateway.backup.ConfigBackup;
import dev.breakwater.gateway.backup.GatewayStore;
import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.db.H2Database;
import dev.breakwater.gateway.metrics.JmxPublisher;
import dev.breakwater.gateway.metrics.PrometheusEndpoint;
import dev.breakwater.gateway.net.AddressRange;
import dev.breakwater.gateway.policy.runtime.Deployment;
import dev.breakwater.gateway.proxy.ForwardedHeaders;
import dev.breakwater.gateway.proxy.GatewayServlet;
import dev.breakwater.gateway.proxy.ProxyOptions;
import dev.breakwater.gateway.proxy.ReadinessServlet;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.settings.SettingsException;
import dev.breakwater.gateway.snapshot.ConfigSnapshot;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import dev.breakwater.gateway.source.LocalFileConfigSource;
import dev.breakwater.gateway.status.GatewayStatus;
import dev.breakwater.gateway.status.StatusServlet;
import dev.breakwater.gateway.sync.Backoff;
import dev.breakwater.gateway.sync.ManagementPlaneClient;
import dev.breakwater.gateway.sync.SyncService;
import dev.breakwater.gateway.sync.SyncTimings;
import dev.breakwater.gateway.sync.TelemetrySender;
import dev.breakwater.gateway.snapshot.ActiveConfig;
import dev.breakwater.gateway.telemetry.TelemetrySpool;
import dev.breakwater.gateway.tls.CertificateFileException;
import dev.breakwater.gateway.tls.TrustFile;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.net.ssl.SSLContext;

/**
 * A gateway, wired by constructors from its settings: the parts every gateway has
 * ({@link GatewayParts}: policies, compiler, active configuration, metrics, request log),
 * and where its configuration comes from, either the management plane (synced in the
 * background, with a local backup) or a local file (standalone). Hosts (the runner's Jetty,
 * a servlet container) register its servlets; two gateways can live in one JVM.
 */
public final class Gateway implements AutoCloseable {

    private final Settings settings;
    private final GatewayMode mode;
    private final GatewayParts parts;
    private final LocalFileConfigSource file;
    private final SyncService sync;
    private final H2Database store;
    private final JmxPublisher jmx;

    private Gateway(Settings settings, GatewayMode mode, GatewayParts parts, LocalFileConfigSource file,
                    SyncService sync, H2Database store) throws SettingsException {
        this.settings = settings;
        this.mode = mode;
        this.parts = parts;
        this.file = file;
        this.sync = sync;
        this.store = store;
        this.jmx = settings.bool(GatewaySettings.JMX_ENABLED) ? JmxPublisher.start(
                settings.require(GatewaySettings.JMX_DOMAIN), parts.registry(), this::status, this::syncNow) : null;
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
        return start(settings, Clock.systemUTC());
    }

    /**
     * As {@link #start(Settings)}, with the clock everything time-based in the gateway reads (tests move
     * it to reach what happens minutes later, e.g. a key refresh allowed again).
     */
    public static Gateway start(Settings settings, Clock clock) throws SettingsException, ConfigException {
        GatewayMode mode = GatewayMode.of(settings); // first: a gateway that cannot start creates nothing
        GatewayParts parts = GatewayParts.create(settings, clock);
        try {
            return start(settings, mode, parts);
        } catch (SettingsException | ConfigException | RuntimeException e) {
            parts.close(); // the request log's writer thread
            throw e;
        }
    }

    private static Gateway start(Settings settings, GatewayMode mode, GatewayParts parts)
            throws SettingsException, ConfigException {
        if (mode.managed()) {
            return startManaged(settings, mode, parts);
        }
        LocalFileConfigSource file = new LocalFileConfigSource(Path.of(mode.localFile()),
                parts.compiler(), parts.activeConfig(), settings.duration(GatewaySettings.LOCAL_FILE_POLL));
        try {
            file.loadInitial();
        } catch (ConfigException e) {
            file.close();
            throw e;
        }
        file.start();
        return new Gateway(settings, mode, parts, file, null, null);
    }

    private static Gateway startManaged(Settings settings, GatewayMode mode, GatewayParts parts)
            throws SettingsException, ConfigException {
        String endpoint = mode.endpoint();
        GatewayStore.Opened opened = openStore(settings, mode, parts);
        H2Database store = opened.database();
        SyncService sync = null;
        try {
            ConfigBackup backup = mode.backup() != null ? new ConfigBackup(opened,
                    settings.integer(GatewaySettings.BACKUP_GENERATIONS, 1, 1000), parts.clock()) : null;
            sync = sync(settings, endpoint, parts, backup, new TelemetrySender(parts.telemetry(),
                    new TelemetrySpool(store), settings.duration(GatewaySettings.TELEMETRY_RETENTION), parts.clock(),
                    parts.identity().instanceId()));
            sync.start();
            ManagedStartup.await(sync.status(), backup, parts.compiler(), parts.activeConfig(),
                    settings.duration(GatewaySettings.STARTUP_TIMEOUT), endpoint, parts.clock());
            SyncMetrics.register(parts.registry(), sync, backup);
            return new Gateway(settings, mode, parts, null, sync, store);
        } catch (SettingsException | ConfigException | RuntimeException e) {
            closeQuietly(sync, store);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(sync, store);
            throw new ConfigException("interrupted while starting");
        }
    }

    /** The backup's file, or (backup disabled) a database in memory, without a cipher, for the telemetry spool. */
    private static GatewayStore.Opened openStore(Settings settings, GatewayMode mode, GatewayParts parts)
            throws SettingsException, ConfigException {
        if (mode.backup() == null) {
            try {
                return new GatewayStore.Opened(GatewayStore.inMemory(), null, null);
            } catch (SQLException e) {
                throw new ConfigException("the in-memory telemetry spool cannot be created: " + e.getMessage());
            }
        }
        byte[] key = BackupKey.fromSetting(settings.get(GatewaySettings.BACKUP_KEY));
        Path path = Path.of(mode.backup());
        try {
            return GatewayStore.open(path, key, parts.clock());
        } catch (SQLException e) {
            throw new ConfigException("the configuration backup in " + path.toAbsolutePath() + " cannot be opened: "
                    + e.getMessage().lines().findFirst().orElse("") + " (is another gateway using it?)");
        }
    }

    private static SyncService sync(Settings settings, String endpoint, GatewayParts parts, ConfigBackup backup,
                                    TelemetrySender telemetry) throws SettingsException {
        String name = parts.identity().gatewayName();
        String token = settings.require(GatewaySettings.SERVICE_AUTH); // its form was checked with the settings
        URI base = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
        Duration interval = settings.duration(GatewaySettings.SYNC_INTERVAL);
        SyncTimings timings = new SyncTimings(interval, settings.duration(GatewaySettings.SYNC_WAIT),
                settings.duration(GatewaySettings.HEARTBEAT_INTERVAL));
        return new SyncService(new ManagementPlaneClient(base, name, token, Duration.ofSeconds(5),
                serviceTrust(settings)), parts.compiler(),
                parts.activeConfig(), timings, parts.identity(), parts.counters(), parts.clock(),
                new Backoff(Duration.ofSeconds(1), interval.multipliedBy(6), new Random()), backup, telemetry,
                GatewayStatuses.stores(parts));
    }

    public ActiveConfig activeConfig() {
        return parts.activeConfig();
    }

    public MetricRegistry registry() {
        return parts.registry();
    }

    public GatewayServlet newGatewayServlet() throws SettingsException {
        return new GatewayServlet(parts.activeConfig(), parts.observer(), proxyOptions());
    }

    private ProxyOptions proxyOptions() throws SettingsException {
        List<AddressRange> trusted;
        try {
            trusted = AddressRange.parseList(settings.get(GatewaySettings.TRUSTED_PROXIES));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("setting '" + GatewaySettings.TRUSTED_PROXIES + "': " + e.getMessage());
        }
        String region = settings.get(GatewaySettings.REGION);
        Deployment deployment = new Deployment(parts.identity().gatewayName() == null ? ""
                : parts.identity().gatewayName(), parts.identity().instanceId(), region == null ? "" : region,
                "breakwater");
        return new ProxyOptions(new ForwardedHeaders(trusted),
                settings.integer(GatewaySettings.BACKEND_MAX_RESPONSE_HEADERS, 1024, 1024 * 1024),
                Duration.ofSeconds(10), settings.integer(GatewaySettings.POLICY_BODY_LIMIT, 1024, 1024 * 1024 * 1024),
                deployment, parts.clock(), parts.policyServices().backendTrust());
    }

    /** The TLS context of {@code config.service.trust}, or {@code null} (the JVM's trusted CAs) when unset. */
    private static SSLContext serviceTrust(Settings settings) throws SettingsException {
        String file = settings.get(GatewaySettings.SERVICE_TRUST);
        if (file == null) {
            return null;
        }
        try {
            return TrustFile.sslContext(Path.of(file), GatewaySettings.SERVICE_TRUST);
        } catch (CertificateFileException e) {
            throw new SettingsException(e.getMessage()); // names the setting and the file
        }
    }

    public ReadinessServlet newReadinessServlet() {
        return new ReadinessServlet(parts.activeConfig());
    }

    /** The status endpoints, {@code /status} and {@code /health}, for an admin listener. */
    public StatusServlet newStatusServlet() {
        return new StatusServlet(this::status);
    }

    /** {@code /metrics} in the Prometheus formats, for an admin listener. */
    public HttpServlet newMetricsServlet() {
        return PrometheusEndpoint.servlet(parts.registry());
    }

    /** The sync with the management plane, or {@code null} in standalone mode. */
    public SyncService sync() {
        return sync;
    }

    /** What the gateway serves, since when, from where, and whether its management plane answers. */
    public GatewayStatus status() {
        return GatewayStatuses.of(parts, file, sync);
    }

    /**
     * Lines for the start-up banner: mode, gateway name, management plane, what is served, the
     * backup. Hosts add their listeners and settings file.
     */
    public List<String> describe() {
        ConfigSnapshot serving = parts.activeConfig().current();
        String served = serving == null ? "nothing yet" : "revision " + serving.revision() + " ("
                + serving.routes().size() + " APIs)" + (mode.managed() ? " from the " + serving.source() : "");
        List<String> lines = new ArrayList<>();
        lines.add("mode: " + mode.name());
        if (mode.managed()) {
            lines.add("gateway name: " + parts.identity().gatewayName());
            lines.add("management plane: " + mode.endpoint());
            lines.add("backup: " + (mode.backup() == null ? "disabled (config.backup.enabled=false)"
                    : Path.of(mode.backup()).toAbsolutePath().normalize()));
        } else {
            lines.add("configuration file: " + Path.of(mode.localFile()).toAbsolutePath().normalize());
        }
        lines.add("serving: " + served);
        return lines;
    }

    private String syncNow() {
        return sync == null ? "standalone: the configuration file is watched, there is nothing to sync" : sync.syncNow();
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
        if (jmx != null) {
            jmx.close();
        }
        if (file != null) {
            file.close();
        }
        closeQuietly(sync, store);
        parts.close();
    }

    private static void closeQuietly(SyncService sync, H2Database store) {
        if (sync != null) {
            sync.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
