package dev.breakwater.gateway.tls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.jetty.client.AbstractConnectionPool;
import org.eclipse.jetty.client.ConnectionPool;
import org.eclipse.jetty.client.Destination;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpDestination;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTP clients of calls whose TLS differs from the gateway's first client ({@link UpstreamTls}
 * not plain): one per distinct TLS key (the configuration's CA certificates, a backend's checks,
 * a client certificate), so that a connection made under one never carries a call that chose
 * another. Each is made on first use by the maker (configured like the client it copies) and kept
 * across revisions: a revision that keeps the same TLS keeps its connections. Bounded: a client of
 * another CA set than the latest one asked for, unused for the grace period and without active
 * connections or queued requests, is stopped when a new client is made; beyond {@code max}
 * clients a call is refused.
 */
public final class TlsClients implements AutoCloseable {

    /** A bound on clients (each holds a pool of connections and a selector thread). */
    public static final int MAX_CLIENTS = 256;
    /** How long a client of an older CA set stays after its last use, for requests of older revisions. */
    public static final Duration GRACE = Duration.ofMinutes(1);

    private record Entry(HttpClient client, String trusted, long[] lastUsed) {
    }

    private final BackendTrust trust;
    private final Function<SslContextFactory.Client, HttpClient> maker;
    private final int max;
    private final long graceNanos;
    private final Map<String, Entry> clients = new ConcurrentHashMap<>();
    private boolean closed;

    /**
     * @param maker makes and starts a client with these TLS settings;
     *              throws {@link IllegalStateException} when it cannot
     */
    public TlsClients(BackendTrust trust, Function<SslContextFactory.Client, HttpClient> maker, int max,
                      Duration grace) {
        this.trust = trust;
        this.maker = maker;
        this.max = max;
        this.graceNanos = grace.toNanos();
    }

    public TlsClients(BackendTrust trust, Function<SslContextFactory.Client, HttpClient> maker) {
        this(trust, maker, MAX_CLIENTS, GRACE);
    }

    /**
     * The client for calls made with {@code tls}, started.
     *
     * @throws IllegalStateException when it cannot start, or too many are in use, or the gateway stops
     */
    public HttpClient clientFor(UpstreamTls tls) {
        Entry entry = clients.get(tls.key());
        if (entry == null) {
            entry = create(tls);
        }
        entry.lastUsed()[0] = System.nanoTime(); // a racy write of a time: any recent one will do
        return entry.client();
    }

    /** How many clients are kept now. */
    public int size() {
        return clients.size();
    }

    private synchronized Entry create(UpstreamTls tls) {
        Entry existing = clients.get(tls.key());
        if (existing != null) {
            return existing;
        }
        if (closed) {
            throw new IllegalStateException("the gateway is stopping");
        }
        retireOlderThan(tls.trusted().identity());
        if (clients.size() >= max) {
            throw new IllegalStateException("more than " + max + " different TLS settings for backends are in use");
        }
        HttpClient client = maker.apply(trust.sslContextFactory(tls));
        Entry entry = new Entry(client, tls.trusted().identity(), new long[] {System.nanoTime()});
        clients.put(tls.key(), entry);
        return entry;
    }

    /** Stops the clients of other CA sets that nothing uses any more. */
    private void retireOlderThan(String latestTrusted) {
        long now = System.nanoTime();
        for (Iterator<Entry> it = clients.values().iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (!entry.trusted().equals(latestTrusted) && now - entry.lastUsed()[0] >= graceNanos
                    && idle(entry.client())) {
                it.remove();
                stop(entry.client());
            }
        }
    }

    private static boolean idle(HttpClient client) {
        for (Destination destination : client.getDestinations()) {
            if (destination instanceof HttpDestination http) {
                ConnectionPool pool = http.getConnectionPool();
                if (http.getQueuedRequestCount() > 0 || (pool instanceof AbstractConnectionPool counted
                        && counted.getActiveConnectionCount() > 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Stops every client; requests still running on them fail. */
    @Override
    public void close() {
        List<Entry> stopping;
        synchronized (this) {
            closed = true;
            stopping = new ArrayList<>(clients.values());
            clients.clear();
        }
        stopping.forEach(entry -> stop(entry.client()));
    }

    private static void stop(HttpClient client) {
        try {
            client.stop();
        } catch (Exception e) {
            // stopping: nothing left to do with it
        }
    }
}
