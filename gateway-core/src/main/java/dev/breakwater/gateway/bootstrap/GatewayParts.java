package dev.breakwater.gateway.bootstrap;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.jvm.BufferPoolMetricSet;
import com.codahale.metrics.jvm.ClassLoadingGaugeSet;
import com.codahale.metrics.jvm.GarbageCollectorMetricSet;
import com.codahale.metrics.jvm.MemoryUsageGaugeSet;
import com.codahale.metrics.jvm.ThreadStatesGaugeSet;
import dev.breakwater.gateway.metrics.GatewayMetrics;
import dev.breakwater.gateway.metrics.RequestObserver;
import dev.breakwater.gateway.policy.compile.PolicyRegistry;
import dev.breakwater.gateway.policy.limits.CounterStoreConfig;
import dev.breakwater.gateway.policy.runtime.ExternalCacheConfig;
import dev.breakwater.gateway.policy.limits.CounterStores;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.metrics.RequestCounters;
import dev.breakwater.gateway.requestlog.RequestLog;
import dev.breakwater.gateway.requestlog.SecretNames;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.settings.SettingsException;
import dev.breakwater.gateway.snapshot.ActiveConfig;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import dev.breakwater.gateway.sync.GatewayIdentity;
import dev.breakwater.gateway.telemetry.TelemetryAggregator;
import dev.breakwater.gateway.tls.BackendTrust;
import dev.breakwater.gateway.tls.CertificateFileException;
import dev.breakwater.gateway.tls.TrustFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What every gateway has, whatever its configuration comes from: identity, compiler, the active
 * configuration, its metric registry (requests and the JVM), and the observers every request
 * ends in: counts for heartbeats, metrics, the request log, telemetry.
 */
record GatewayParts(GatewayIdentity identity, SnapshotCompiler compiler, ActiveConfig activeConfig,
                    MetricRegistry registry, RequestCounters counters, TelemetryAggregator telemetry,
                    RequestObserver observer, RequestLog requestLog, PolicyServices policyServices, Clock clock)
        implements AutoCloseable {

    static GatewayParts create(Settings settings, Clock clock) throws SettingsException {
        GatewayIdentity identity = GatewayIdentity.of(settings.get(GatewaySettings.GATEWAY_NAME), Version.current(),
                clock.instant());
        MetricRegistry registry = new MetricRegistry();
        registry.register("jvm.memory", new MemoryUsageGaugeSet());
        registry.register("jvm.gc", new GarbageCollectorMetricSet());
        registry.register("jvm.threads", new ThreadStatesGaugeSet());
        registry.register("jvm.classes", new ClassLoadingGaugeSet());
        registry.register("jvm.buffers", new BufferPoolMetricSet(ManagementFactory.getPlatformMBeanServer()));
        RequestCounters counters = new RequestCounters();
        TelemetryAggregator telemetry = new TelemetryAggregator(settings.duration(GatewaySettings.TELEMETRY_BUCKET));
        List<RequestObserver> observers = new ArrayList<>(List.of(counters));
        if (settings.get(GatewaySettings.SERVICE_ENDPOINT) != null) {
            observers.add(telemetry); // only a managed gateway has somewhere to send it, and drains it
        }
        if (settings.bool(GatewaySettings.METRICS_ENABLED)) {
            observers.add(new GatewayMetrics(registry));
        }
        RequestLog requestLog = null;
        if (settings.bool(GatewaySettings.REQUEST_LOG_ENABLED)) {
            requestLog = new RequestLog(identity.gatewayName(), settings.decimal(GatewaySettings.REQUEST_LOG_SAMPLE, 0, 1),
                    SecretNames.withExtra(settings.get(GatewaySettings.REQUEST_LOG_REDACT)));
            observers.add(requestLog);
        }
        PolicyServices policyServices = new PolicyServices(registry, clock,
                settings.integer(GatewaySettings.POLICY_BODY_LIMIT, 1024, 1024 * 1024 * 1024),
                java.net.URI.create(settings.get(GatewaySettings.IDENTITY_ENDPOINT)),
                java.net.URI.create(settings.get(GatewaySettings.AAD_AUTHORITY)),
                counterStore(settings), externalCache(settings), backendTrust(settings));
        return new GatewayParts(identity, new SnapshotCompiler(PolicyRegistry.builtIn(), clock, policyServices),
                new ActiveConfig(), registry, counters, telemetry, RequestObserver.all(observers), requestLog,
                policyServices, clock);
    }

    /**
     * The CAs of {@code backend.tls.trust} with the JVM's, and the TLS versions of
     * {@code backend.tls.protocols}: what forwarded requests and call-outs share.
     */
    private static BackendTrust backendTrust(Settings settings) throws SettingsException {
        String file = settings.get(GatewaySettings.BACKEND_TLS_TRUST);
        BackendTrust trust;
        try {
            trust = file == null ? BackendTrust.jvmDefault()
                    : BackendTrust.withAuthorities(TrustFile.certificates(Path.of(file), GatewaySettings.BACKEND_TLS_TRUST));
        } catch (CertificateFileException e) {
            throw new SettingsException(e.getMessage()); // names the setting and the file
        }
        List<String> protocols = Arrays.stream(settings.get(GatewaySettings.BACKEND_TLS_PROTOCOLS).split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).toList();
        try {
            return trust.withProtocols(protocols);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("setting '" + GatewaySettings.BACKEND_TLS_PROTOCOLS + "': " + e.getMessage());
        }
    }

    /** The external cache's settings; it uses the counters' Redis settings. */
    private static ExternalCacheConfig externalCache(Settings settings) throws SettingsException {
        String type = settings.get(GatewaySettings.CACHE_EXTERNAL);
        if (ExternalCacheConfig.REDIS.equals(type) && settings.get(GatewaySettings.REDIS_URL) == null) {
            throw new SettingsException("setting 'redis.url' is required with cache.external=redis");
        }
        return new ExternalCacheConfig(type, settings.integer(GatewaySettings.CACHE_EXTERNAL_MAX_VALUE_BYTES, 1024,
                512 * 1024 * 1024));
    }

    /** The CAs of {@code redis.tls.trust}, or {@code null} (the JVM's trusted CAs) when unset. */
    private static List<X509Certificate> redisTlsTrust(Settings settings) throws SettingsException {
        String file = settings.get(GatewaySettings.REDIS_TLS_TRUST);
        try {
            return file == null ? null : TrustFile.certificates(Path.of(file), GatewaySettings.REDIS_TLS_TRUST);
        } catch (CertificateFileException e) {
            throw new SettingsException(e.getMessage()); // names the setting and the file
        }
    }

    /** The counter store's settings; replicas of one gateway (its name) share Redis's counters. */
    private static CounterStoreConfig counterStore(Settings settings) throws SettingsException {
        String store = settings.get(GatewaySettings.COUNTERS_STORE);
        if (CounterStores.REDIS.equals(store) && settings.get(GatewaySettings.REDIS_URL) == null) {
            throw new SettingsException("setting 'redis.url' is required with counters.store=redis");
        }
        return new CounterStoreConfig(store, settings.get(GatewaySettings.GATEWAY_NAME),
                settings.get(GatewaySettings.REDIS_URL), settings.get(GatewaySettings.REDIS_PASSWORD),
                redisTlsTrust(settings), settings.duration(GatewaySettings.REDIS_TIMEOUT),
                "refuse".equals(settings.get(GatewaySettings.COUNTERS_REDIS_UNAVAILABLE)),
                settings.duration(GatewaySettings.COUNTERS_CONCURRENCY_LEASE));
    }

    /** Stops call-outs and writes what the request log still holds. */
    @Override
    public void close() {
        policyServices.close();
        if (requestLog != null) {
            requestLog.close();
        }
    }
}
