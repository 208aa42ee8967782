package dev.breakwater.gateway.bootstrap;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.policy.PolicyRegistry;
import dev.breakwater.gateway.proxy.GatewayServlet;
import dev.breakwater.gateway.proxy.ReadinessServlet;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.settings.SettingsException;
import dev.breakwater.gateway.snapshot.ActiveConfig;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import dev.breakwater.gateway.source.LocalFileConfigSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A gateway, wired by constructors from its settings: policy registry, compiler, the active
 * configuration and where it comes from. Hosts (the runner's Jetty, a servlet container)
 * register its servlets; two gateways can live in one JVM.
 */
public final class Gateway implements AutoCloseable {

    private final Settings settings;
    private final ActiveConfig activeConfig;
    private final LocalFileConfigSource fileSource;

    private Gateway(Settings settings, ActiveConfig activeConfig, LocalFileConfigSource fileSource) {
        this.settings = settings;
        this.activeConfig = activeConfig;
        this.fileSource = fileSource;
    }

    /**
     * Starts a gateway: loads its configuration and starts watching for changes.
     *
     * @throws SettingsException when a setting is missing or malformed
     * @throws ConfigException   when the configuration cannot be served
     */
    public static Gateway start(Settings settings) throws SettingsException, ConfigException {
        SnapshotCompiler compiler = new SnapshotCompiler(PolicyRegistry.builtIn(), Clock.systemUTC());
        Path file = Path.of(settings.require(GatewaySettings.LOCAL_FILE));
        ActiveConfig activeConfig = new ActiveConfig();
        LocalFileConfigSource source = new LocalFileConfigSource(file, compiler, activeConfig,
                settings.duration(GatewaySettings.LOCAL_FILE_POLL));
        try {
            source.loadInitial();
        } catch (ConfigException e) {
            source.close();
            throw e;
        }
        source.start();
        return new Gateway(settings, activeConfig, source);
    }

    public ActiveConfig activeConfig() {
        return activeConfig;
    }

    public GatewayServlet newGatewayServlet() {
        return new GatewayServlet(activeConfig);
    }

    public ReadinessServlet newReadinessServlet() {
        return new ReadinessServlet(activeConfig);
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
        fileSource.close();
    }
}
