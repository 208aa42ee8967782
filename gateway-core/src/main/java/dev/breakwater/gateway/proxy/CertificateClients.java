package dev.breakwater.gateway.proxy;

import dev.breakwater.gateway.certificate.ClientCertificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.RedirectProtocolHandler;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.io.ClientConnector;

/**
 * The HTTP clients that present a client certificate to backends (authentication-certificate), one
 * per certificate chain, so that a connection made with one certificate never carries a request
 * that chose another. Each is made on first use, configured like the proxy's own client (its
 * executor, limits, timeouts, redirects, trust), and kept until the gateway stops, across
 * configuration revisions: a revision that keeps a certificate keeps its connections. Requests
 * without a certificate never come here.
 */
final class CertificateClients implements AutoCloseable {

    /** A bound on clients (each holds a pool of connections and a timer thread). */
    static final int MAX_CLIENTS = 256;

    private final HttpClient template;
    private final BackendTrust trust;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
    private boolean closed;

    /** @param template the proxy's own client, started: what the others copy */
    CertificateClients(HttpClient template, BackendTrust trust) {
        this.template = template;
        this.trust = trust;
    }

    /**
     * The client that presents the certificate, started.
     *
     * @throws IllegalStateException when it cannot start, or {@link #MAX_CLIENTS} are in use, or the gateway stops
     */
    HttpClient clientFor(ClientCertificate certificate) {
        HttpClient client = clients.get(certificate.identity());
        return client != null ? client : create(certificate);
    }

    private synchronized HttpClient create(ClientCertificate certificate) {
        HttpClient existing = clients.get(certificate.identity());
        if (existing != null) {
            return existing;
        }
        if (closed) {
            throw new IllegalStateException("the gateway is stopping");
        }
        if (clients.size() >= MAX_CLIENTS) {
            throw new IllegalStateException("more than " + MAX_CLIENTS + " different client certificates are in use");
        }
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(trust.sslContextFactory(certificate));
        connector.setSelectors(1);
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setExecutor(template.getExecutor()); // shared, and started already: not stopped with this client
        client.setFollowRedirects(false);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setMaxConnectionsPerDestination(template.getMaxConnectionsPerDestination());
        client.setIdleTimeout(template.getIdleTimeout());
        client.setConnectTimeout(template.getConnectTimeout());
        client.setRequestBufferSize(template.getRequestBufferSize());
        client.setResponseBufferSize(template.getResponseBufferSize());
        client.setMaxRequestHeadersSize(template.getMaxRequestHeadersSize());
        client.setMaxResponseHeadersSize(template.getMaxResponseHeadersSize());
        client.setUserAgentField(template.getUserAgentField());
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("the client for " + certificate + " cannot start: " + e.getMessage(), e);
        }
        // as the proxy's client: bodies pass as they are, and only forward-request's follow-redirects redirects
        client.getContentDecoderFactories().clear();
        client.getProtocolHandlers().clear();
        client.getProtocolHandlers().put(new RedirectProtocolHandler(client));
        clients.put(certificate.identity(), client);
        return client;
    }

    /** Stops every client; requests still running on them fail. */
    @Override
    public void close() {
        List<HttpClient> stopping;
        synchronized (this) {
            closed = true;
            stopping = new ArrayList<>(clients.values());
            clients.clear();
        }
        for (HttpClient client : stopping) {
            try {
                client.stop();
            } catch (Exception e) {
                // stopping: nothing left to do with it
            }
        }
    }
}
