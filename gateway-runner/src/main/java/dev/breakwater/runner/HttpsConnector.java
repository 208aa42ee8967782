package dev.breakwater.runner;

import dev.breakwater.gateway.bootstrap.CannotStartException;
import dev.breakwater.gateway.bootstrap.ListenerBinding;
import dev.breakwater.gateway.tls.CertificateFileException;
import dev.breakwater.gateway.tls.CertificateReloader;
import dev.breakwater.gateway.tls.HttpsOptions;
import dev.breakwater.gateway.tls.HttpsSettings;
import dev.breakwater.gateway.tls.ServerTls;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The HTTPS traffic listener: TLS from {@link ServerTls} (SNI, reload), then HTTP/2 or HTTP/1.1 as
 * ALPN agrees (HTTP/1.1 for clients without ALPN), with the plain listener's guards (header timeout,
 * idle timeout, data rates: the same {@link HttpConfiguration} settings), and the watch on its
 * certificate files. Client certificates are requested per SNI host name by {@link ClientCertificateDetection}.
 */
final class HttpsConnector {

    static final String NAME = "traffic-https";

    private final ServerConnector connector;
    private final HttpsOptions options;
    private final ServerTls tls;
    private CertificateReloader reloader;

    private HttpsConnector(ServerConnector connector, HttpsOptions options, ServerTls tls) {
        this.connector = connector;
        this.options = options;
        this.tls = tls;
    }

    /**
     * Reads the certificates (a bad file stops the start, naming it) and adds the listener, not yet bound.
     *
     * @param plain the plain listener's HTTP configuration, copied: the same limits over TLS
     */
    static HttpsConnector add(Server server, HttpsOptions options, HttpConfiguration plain, long headerTimeoutMillis)
            throws CannotStartException {
        ServerTls tls;
        try {
            tls = ServerTls.create(options);
        } catch (CertificateFileException e) {
            throw new CannotStartException("the HTTPS listener cannot serve its certificates: " + e.getMessage(), e);
        }
        HttpConfiguration https = new HttpConfiguration(plain);
        https.setSecureScheme("https");
        https.setSecurePort(options.port());
        // No check that the Host header names the certificate SNI chose: a gateway is reached by many
        // names (and by address) and routes by Host itself; the client checks the certificate.
        https.addCustomizer(new SecureRequestCustomizer(false));
        if (!tls.clientCertificateHosts().isEmpty() && !tls.clientCertificateHosts().all()) {
            // after the secure customizer, which gives the request its TLS session
            https.addCustomizer(new MisdirectedHostCheck(tls.clientCertificateHosts()));
        }
        HttpConnectionFactory http1 = new HeaderTimeoutConnectionFactory(https, headerTimeoutMillis);
        ServerConnector connector;
        if (options.http2()) {
            HTTP2ServerConnectionFactory http2 = new HTTP2ServerConnectionFactory(https);
            // no list: ALPN offers the protocols of the factories after it (h2, http/1.1), in their order
            ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
            alpn.setDefaultProtocol(http1.getProtocol());
            connector = new ServerConnector(server, ClientCertificateDetection.tls(tls, alpn.getProtocol()), alpn,
                    http2, http1);
        } else {
            connector = new ServerConnector(server, ClientCertificateDetection.tls(tls, http1.getProtocol()), http1);
        }
        connector.setIdleTimeout(plain.getIdleTimeout());
        connector.setName(NAME);
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);
        return new HttpsConnector(connector, options, tls);
    }

    ServerConnector connector() {
        return connector;
    }

    void bind() throws CannotStartException {
        new ListenerBinding("the HTTPS listener", connector.getHost(), connector.getPort(), HttpsSettings.PORT,
                HttpsSettings.HOST).bind(connector::open);
    }

    /** Once the server runs: changed certificate files are served without a restart. */
    void watch() {
        reloader = CertificateReloader.start(options, tls, "gateway");
    }

    int port() {
        return connector.getLocalPort();
    }

    String describe() {
        return "HTTPS listening on port " + port() + " (address " + connector.getHost()
                + "; server.https.port, server.https.host), serving " + tls.served()
                + (tls.clientCertificateHosts().isEmpty() ? "" : ", requesting client certificates for "
                + tls.clientCertificateHosts() + " (" + HttpsSettings.CLIENT_CERTIFICATE_HOSTS + ")");
    }

    /** Stops watching the certificate files; the server stops the connector gracefully. */
    void stopWatching() {
        if (reloader != null) {
            reloader.close();
        }
    }

    /** A start that failed: the files are no longer watched and the port is released. */
    void close() {
        stopWatching();
        connector.close();
    }
}
