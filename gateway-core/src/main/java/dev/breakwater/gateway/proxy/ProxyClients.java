package dev.breakwater.gateway.proxy;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.RedirectProtocolHandler;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Copies of the proxy's own client with other TLS settings (a client certificate, the
 * configuration's CA certificates, a backend's checks): its executor, limits, timeouts and
 * redirect handling, so that a request behaves the same whichever client carries it.
 */
final class ProxyClients {

    private ProxyClients() {
    }

    /**
     * A started copy of {@code template} speaking TLS with {@code tls}.
     *
     * @throws IllegalStateException when it cannot start
     */
    static HttpClient like(HttpClient template, SslContextFactory.Client tls) {
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls);
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
            throw new IllegalStateException("a client for backends cannot start: " + e.getMessage(), e);
        }
        // as the proxy's client: bodies pass as they are, and only forward-request's follow-redirects redirects
        client.getContentDecoderFactories().clear();
        client.getProtocolHandlers().clear();
        client.getProtocolHandlers().put(new RedirectProtocolHandler(client));
        return client;
    }
}
