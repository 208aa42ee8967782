package dev.breakwater.gateway.policy.runtime;

import com.codahale.metrics.MetricRegistry;
import dev.breakwater.gateway.backend.BreakerStates;
import dev.breakwater.gateway.metrics.CustomMetrics;
import dev.breakwater.gateway.policy.cache.ResponseCache;
import dev.breakwater.gateway.policy.cache.ValueCache;
import dev.breakwater.gateway.policy.cache.redis.ExternalCache;
import dev.breakwater.gateway.policy.concurrency.ConcurrencyLimits;
import dev.breakwater.gateway.policy.concurrency.ConcurrencyStore;
import dev.breakwater.gateway.policy.identity.ManagedIdentityTokens;
import dev.breakwater.gateway.policy.jwt.OpenIdKeySources;
import dev.breakwater.gateway.policy.limits.CounterStore;
import dev.breakwater.gateway.policy.limits.CounterStoreConfig;
import dev.breakwater.gateway.policy.limits.CounterStores;
import dev.breakwater.gateway.policy.limits.KeyedCounters;
import dev.breakwater.gateway.policy.limits.redis.RedisConnector;
import dev.breakwater.gateway.policy.limits.redis.RedisOutage;
import dev.breakwater.gateway.tls.BackendTrust;
import dev.breakwater.gateway.tls.TlsClients;
import dev.breakwater.gateway.tls.UpstreamTls;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executor;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * What a gateway lends its policies beyond one request, for as long as it runs: the HTTP client of
 * call-outs (send-request, token requests), the metric registry and its custom metrics (emit-metric),
 * the managed identity's token cache, the concurrency slots (limit-concurrency), the counter
 * store of rate-limit, quota, rate-limit-by-key and quota-by-key ({@code counters.store}), the value cache (cache-store-value,
 * cache-lookup-value), the response cache (cache-store, cache-lookup), the OpenID providers'
 * signing keys (validate-jwt, validate-azure-ad-token) and the Entra ID authority, the backends'
 * circuit breakers and the clock. One
 * object per gateway, handed to every compile, so that what it holds outlives configuration
 * revisions. Policies capture it when they are compiled. The HTTP client starts on first use: a
 * management plane compiles documents to check them and never calls out. The body limit is the
 * gateway's {@code policy.body.max.bytes}: a call-out's response is buffered up to it.
 */
public final class PolicyServices implements AutoCloseable {

    /** Threads of the call-out client: they parse responses and complete stages, they never wait. */
    private static final int CALLOUT_THREADS = 32;
    /** {@code policy.body.max.bytes}'s default. */
    public static final int DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;

    /** Where tokens come from when no setting says otherwise: Azure's instance metadata service. */
    public static final URI DEFAULT_IDENTITY_ENDPOINT = URI.create("http://169.254.169.254/metadata/identity/oauth2/token");
    /** The Entra ID (Azure AD) authority of Azure's public cloud: {@code aad.authority}'s default. */
    public static final URI DEFAULT_AAD_AUTHORITY = URI.create("https://login.microsoftonline.com");

    private final MetricRegistry metrics;
    private final Clock clock;
    private final BreakerStates breakers;
    private final CustomMetrics customMetrics;
    private final ConcurrencyLimits concurrencyLimits = new ConcurrencyLimits();
    private final ConcurrencyStore concurrencyStore;
    private final ManagedIdentityTokens managedIdentityTokens;
    private final KeyedCounters keyedCounters;
    private final CounterStore counterStore;
    private final ValueCache valueCache;
    private final OpenIdKeySources openIdKeySources;
    private final dev.breakwater.gateway.certificate.RevocationLists revocationLists;
    private final ResponseCache responseCache;
    private final RedisConnector redis;
    private final ExternalCache externalCache;
    private final int bodyLimit;
    private final URI aadAuthority;
    private final BackendTrust backendTrust;
    private final TlsClients tlsClients;
    private HttpClient httpClient;
    private boolean closed;

    /**
     * @param bodyLimit        the largest body (bytes) a policy may buffer: a call-out's response included
     * @param identityEndpoint the IMDS-compatible endpoint managed identity tokens come from
     * @param aadAuthority     the Entra ID authority validate-azure-ad-token fetches tenants' keys from
     * @param counterStore     the settings {@code counters.store} and Redis's: where limits count ({@link CounterStores})
     * @throws IllegalArgumentException for a counter store that does not exist
     */
    public PolicyServices(MetricRegistry metrics, Clock clock, int bodyLimit, URI identityEndpoint, URI aadAuthority,
                          CounterStoreConfig counterStore) {
        this(metrics, clock, bodyLimit, identityEndpoint, aadAuthority, counterStore, ExternalCacheConfig.none());
    }

    /**
     * @param externalCache {@code cache.external} and its bound: with Redis, it shares the counters'
     *                      connection (the settings {@code redis.*} of {@code counterStore})
     */
    public PolicyServices(MetricRegistry metrics, Clock clock, int bodyLimit, URI identityEndpoint, URI aadAuthority,
                          CounterStoreConfig counterStore, ExternalCacheConfig externalCache) {
        this(metrics, clock, bodyLimit, identityEndpoint, aadAuthority, counterStore, externalCache,
                BackendTrust.jvmDefault());
    }

    /**
     * @param backendTrust the CAs ({@code backend.tls.trust}) and TLS versions ({@code backend.tls.protocols})
     *                     of call-outs, shared with forwarded requests
     */
    public PolicyServices(MetricRegistry metrics, Clock clock, int bodyLimit, URI identityEndpoint, URI aadAuthority,
                          CounterStoreConfig counterStore, ExternalCacheConfig externalCache,
                          BackendTrust backendTrust) {
        this.metrics = metrics;
        this.backendTrust = backendTrust;
        // clients of other TLS settings share the first client's threads, which never wait
        this.tlsClients = new TlsClients(backendTrust, tls -> newClient(tls, httpClient().getExecutor()));
        this.aadAuthority = aadAuthority;
        this.clock = clock;
        this.bodyLimit = bodyLimit;
        this.breakers = new BreakerStates(clock);
        this.customMetrics = new CustomMetrics(metrics);
        this.keyedCounters = new KeyedCounters(clock);
        // a shared store's answers go on on the call-out threads, which never wait (as a call-out's do)
        java.util.concurrent.Executor neverWaiting = command -> httpClient().getExecutor().execute(command);
        // one connection for the counters and the external cache, when either is in Redis
        this.redis = CounterStores.REDIS.equals(counterStore.store()) || externalCache.redis()
                ? CounterStores.connector(counterStore, clock) : null;
        // the counters and limit-concurrency's slots are one outage for Redis: logged once, degraded alike
        RedisOutage outage = new RedisOutage(counterStore.refuseWhenUnavailable());
        this.counterStore = CounterStores.create(counterStore, keyedCounters, neverWaiting, redis, outage);
        this.concurrencyStore = CounterStores.concurrency(counterStore, concurrencyLimits, clock, neverWaiting, redis,
                outage);
        this.valueCache = new ValueCache(clock);
        this.openIdKeySources = new OpenIdKeySources(this::httpClient, clock, bodyLimit);
        this.revocationLists = new dev.breakwater.gateway.certificate.RevocationLists(this::httpClient, clock, bodyLimit);
        this.responseCache = new ResponseCache(clock);
        this.externalCache = externalCache.redis() ? new ExternalCache(redis, counterStore.namespace() == null
                ? CounterStores.DEFAULT_NAMESPACE : counterStore.namespace(), externalCache.maxValueBytes(), neverWaiting,
                valueCache, responseCache, clock) : null;
        this.managedIdentityTokens = new ManagedIdentityTokens(identityEndpoint, this::httpClient, clock);
    }

    public PolicyServices(MetricRegistry metrics, Clock clock, int bodyLimit, URI identityEndpoint) {
        this(metrics, clock, bodyLimit, identityEndpoint, DEFAULT_AAD_AUTHORITY, CounterStoreConfig.local());
    }

    public PolicyServices(MetricRegistry metrics, Clock clock, URI identityEndpoint) {
        this(metrics, clock, DEFAULT_BODY_LIMIT, identityEndpoint);
    }

    public PolicyServices(MetricRegistry metrics, Clock clock, int bodyLimit) {
        this(metrics, clock, bodyLimit, DEFAULT_IDENTITY_ENDPOINT);
    }

    public PolicyServices(MetricRegistry metrics, Clock clock) {
        this(metrics, clock, DEFAULT_BODY_LIMIT, DEFAULT_IDENTITY_ENDPOINT);
    }

    /** Services for compiling only (a management plane checking documents, tests). */
    public static PolicyServices forCompiling() {
        return new PolicyServices(new MetricRegistry(), Clock.systemUTC());
    }

    public MetricRegistry metrics() {
        return metrics;
    }

    /** The series of emit-metric, in {@link #metrics()}, bounded in number. */
    public CustomMetrics customMetrics() {
        return customMetrics;
    }

    /** The requests inside limit-concurrency in this gateway's memory, by key, shared by every policy and revision. */
    public ConcurrencyLimits concurrencyLimits() {
        return concurrencyLimits;
    }

    /**
     * Where limit-concurrency takes its slots: {@link #concurrencyLimits()}, or Redis with
     * {@code counters.store=redis} (the memory while Redis cannot be reached), kept across revisions.
     */
    public ConcurrencyStore concurrencyStore() {
        return concurrencyStore;
    }

    /**
     * The gateway's in-memory counters, kept across revisions, bounded in number: what the local
     * counter store counts in, for code that counts synchronously in this gateway's memory.
     */
    public KeyedCounters keyedCounters() {
        return keyedCounters;
    }

    /** Where rate-limit, quota and their by-key forms count ({@code counters.store}), kept across revisions. */
    public CounterStore counterStore() {
        return counterStore;
    }

    /** The managed identity's tokens, cached per resource and client id. */
    public ManagedIdentityTokens managedIdentityTokens() {
        return managedIdentityTokens;
    }

    /** The internal cache of cache-store-value and cache-lookup-value: keys are the gateway's, across APIs. */
    public ValueCache valueCache() {
        return valueCache;
    }

    /** The signing keys of validate-jwt's OpenID providers, per configuration URL, kept across revisions. */
    public OpenIdKeySources openIdKeySources() {
        return openIdKeySources;
    }

    /**
     * The Entra ID (Azure AD) authority ({@code aad.authority}), e.g. {@code https://login.microsoftonline.com}:
     * validate-azure-ad-token reads {@code {authority}/{tenant}/v2.0/.well-known/openid-configuration}.
     */
    public URI aadAuthority() {
        return aadAuthority;
    }

    /** The internal response cache of cache-store and cache-lookup, a region apart from the value cache. */
    public ResponseCache responseCache() {
        return responseCache;
    }

    /**
     * The external cache of {@code caching-type} external and prefer-external ({@code cache.external=redis}),
     * or null when there is none ({@code cache.external=none}).
     */
    public ExternalCache externalCache() {
        return externalCache;
    }

    public Clock clock() {
        return clock;
    }

    /** The backends' circuit breakers, kept across revisions. */
    public BreakerStates breakers() {
        return breakers;
    }

    /** The largest body a policy may buffer ({@code policy.body.max.bytes}). */
    /** The certificate revocation lists validate-client-certificate fetched, shared by every configuration. */
    public dev.breakwater.gateway.certificate.RevocationLists revocationLists() {
        return revocationLists;
    }

    public int bodyLimit() {
        return bodyLimit;
    }

    /**
     * The call-out client, started on first use. Redirects are not followed (a call-out sees them),
     * and bodies are not decoded: a call-out gets the bytes and headers the service sent, as APIM's
     * does, and asks for a compressed body only if the policy sets Accept-Encoding itself.
     */
    public synchronized HttpClient httpClient() {
        if (closed) {
            throw new IllegalStateException("the gateway is stopping: no more call-outs");
        }
        if (httpClient == null) {
            QueuedThreadPool threads = new QueuedThreadPool(CALLOUT_THREADS, 2);
            threads.setName("callout");
            threads.setDaemon(true);
            httpClient = newClient(backendTrust.sslContextFactory(), threads);
        }
        return httpClient;
    }

    /**
     * The call-out client of these TLS settings (the configuration's CA certificates, a client
     * certificate), started on first use; the first client for the gateway's own.
     *
     * @throws IllegalStateException when the gateway stops or too many TLS settings are in use
     */
    public HttpClient httpClient(UpstreamTls tls) {
        if (tls.isPlain()) {
            return httpClient();
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the gateway is stopping: no more call-outs");
            }
        }
        return tlsClients.clientFor(tls);
    }

    /** The CAs and TLS versions of backends and call-outs. */
    public BackendTrust backendTrust() {
        return backendTrust;
    }

    private static HttpClient newClient(SslContextFactory.Client tls, Executor executor) {
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setExecutor(executor);
        client.setFollowRedirects(false);
        client.setUserAgentField(null); // the policy decides the headers a call-out sends
        client.setDefaultRequestContentType(null); // no Content-Type the policy did not set
        try {
            client.start();
            client.getContentDecoderFactories().clear(); // filled from the class path as it starts
        } catch (Exception e) {
            throw new IllegalStateException("the call-out HTTP client cannot start: " + e.getMessage(), e);
        }
        return client;
    }

    /**
     * A stage that completes after {@code millis} (retry's intervals), holding no thread meanwhile;
     * what follows it runs on the call-out client's threads, which never wait.
     */
    public CompletionStage<Void> after(long millis) {
        return CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS, httpClient().getExecutor()));
    }

    /** Stops the call-out client (call-outs still running fail) and closes a shared counter store's connection. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        // outside this object's lock: making a client of other TLS settings takes the clients' lock, then this one
        tlsClients.close(); // before the first client, whose threads they share
        synchronized (this) {
            if (counterStore instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // stopping: nothing left to do with it
                }
            }
            if (redis != null) {
                redis.close();
            }
            if (httpClient != null) {
                try {
                    httpClient.stop();
                } catch (Exception e) {
                    // stopping: nothing left to do with it
                }
                httpClient = null;
            }
        }
    }
}
