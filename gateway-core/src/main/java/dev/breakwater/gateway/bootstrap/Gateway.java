package dev.breakwater.gateway.bootstrap;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.policy.PolicyRegistry;
import dev.breakwater.gateway.proxy.GatewayServlet;
import dev.breakwater.gateway.proxy.ReadinessServlet;
import dev.breakwater.gateway.proxy.RequestCounters;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.settings.SettingsException;
import dev.breakwater.gateway.snapshot.ActiveConfig;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import dev.breakwater.gateway.source.LocalFileConfigSource;
import dev.breakwater.gateway.sync.Backoff;
import dev.breakwater.gateway.sync.GatewayIdentity;
import dev.breakwater.gateway.sync.ManagementPlaneClient;
import dev.breakwater.gateway.sync.SyncService;
import dev.breakwater.gateway.sync.SyncTimings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
    private final ActiveConfig activeConfig;
    private final RequestCounters counters;
    private final AutoCloseable source;

    private Gateway(Settings settings, ActiveConfig activeConfig, RequestCounters counters, AutoCloseable source) {
        this.settings = settings;
        this.activeConfig = activeConfig;
        this.counters = counters;
        this.source = source;
    }

    /**
     * Starts a gateway. In standalone mode the file is loaded now; with a management plane the
     * configuration arrives in the background and the gateway is ready once it has.
     *
     * @throws SettingsException when a setting is missing or malformed
     * @throws ConfigException   when the local file cannot be served
     */
    public static Gateway start(Settings settings) throws SettingsException, ConfigException {
        Clock clock = Clock.systemUTC();
        SnapshotCompiler compiler = new SnapshotCompiler(PolicyRegistry.builtIn(), clock);
        ActiveConfig activeConfig = new ActiveConfig();
        RequestCounters counters = new RequestCounters();
        String endpoint = settings.get(GatewaySettings.SERVICE_ENDPOINT);
        if (endpoint != null && settings.get(GatewaySettings.LOCAL_FILE) != null) {
            throw new SettingsException("set config.service.endpoint (managed) or config.local.file (standalone), not both");
        }
        if (endpoint != null) {
            SyncService sync = sync(settings, endpoint, compiler, activeConfig, counters, clock);
            sync.start();
            return new Gateway(settings, activeConfig, counters, sync);
        }
        LocalFileConfigSource file = new LocalFileConfigSource(Path.of(settings.require(GatewaySettings.LOCAL_FILE)),
                compiler, activeConfig, settings.duration(GatewaySettings.LOCAL_FILE_POLL));
        try {
            file.loadInitial();
        } catch (ConfigException e) {
            file.close();
            throw e;
        }
        file.start();
        return new Gateway(settings, activeConfig, counters, file);
    }

    private static SyncService sync(Settings settings, String endpoint, SnapshotCompiler compiler,
                                    ActiveConfig activeConfig, RequestCounters counters, Clock clock)
            throws SettingsException {
        String name = settings.require(GatewaySettings.GATEWAY_NAME);
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
        return new SyncService(new ManagementPlaneClient(base, name, token, Duration.ofSeconds(5)), compiler,
                activeConfig, timings, GatewayIdentity.of(name, clock.instant()), counters, clock,
                new Backoff(Duration.ofSeconds(1), interval.multipliedBy(6), new Random()));
    }

    public ActiveConfig activeConfig() {
        return activeConfig;
    }

    public GatewayServlet newGatewayServlet() {
        return new GatewayServlet(activeConfig, counters);
    }

    public ReadinessServlet newReadinessServlet() {
        return new ReadinessServlet(activeConfig);
    }

    /** The sync with the management plane, or {@code null} in standalone mode. */
    public SyncService sync() {
        return source instanceof SyncService sync ? sync : null;
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
        try {
            source.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the configuration source failed", e);
        }
    }
}
