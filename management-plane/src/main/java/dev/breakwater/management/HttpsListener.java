package dev.breakwater.management;

import dev.breakwater.gateway.bootstrap.CannotStartException;
import dev.breakwater.gateway.bootstrap.ListenerBinding;
import dev.breakwater.gateway.tls.CertificateFileException;
import dev.breakwater.gateway.tls.CertificateReloader;
import dev.breakwater.gateway.tls.HttpsOptions;
import dev.breakwater.gateway.tls.HttpsSettings;
import dev.breakwater.gateway.tls.ServerTls;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;

/**
 * The management plane's HTTPS listener, beside its HTTP one: the gateway's certificate settings
 * and code ({@link ServerTls}: SNI, reload), HTTP/1.1 only (gateways and operators' tools need no
 * more).
 */
final class HttpsListener implements AutoCloseable {

    private final ServerConnector connector;
    private final HttpsOptions options;
    private final ServerTls tls;
    private CertificateReloader reloader;

    private HttpsListener(ServerConnector connector, HttpsOptions options, ServerTls tls) {
        this.connector = connector;
        this.options = options;
        this.tls = tls;
    }

    /** Reads the certificates and adds the listener, not yet bound. */
    static HttpsListener add(Server server, HttpsOptions options, HttpConfiguration plain) throws CannotStartException {
        ServerTls tls;
        try {
            tls = ServerTls.create(options);
        } catch (CertificateFileException e) {
            throw new CannotStartException("the HTTPS listener cannot serve its certificates: " + e.getMessage(), e);
        }
        HttpConfiguration https = new HttpConfiguration(plain);
        https.setSecureScheme("https");
        https.addCustomizer(new SecureRequestCustomizer(false)); // reached by many names: no Host check
        HttpConnectionFactory http1 = new HttpConnectionFactory(https);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls.factory(),
                http1.getProtocol()), http1);
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);
        return new HttpsListener(connector, options, tls);
    }

    void bind() throws CannotStartException {
        new ListenerBinding("the management plane's HTTPS listener", connector.getHost(), connector.getPort(),
                HttpsSettings.PORT, HttpsSettings.HOST).bind(connector::open);
    }

    /** Once the server runs: changed certificate files are served without a restart. */
    void watch() {
        reloader = CertificateReloader.start(options, tls, "management-plane");
    }

    int port() {
        return connector.getLocalPort();
    }

    String describe() {
        return "HTTPS listening on port " + port() + " (address " + connector.getHost()
                + "; server.https.port, server.https.host), serving " + tls.served();
    }

    /** Stops watching the certificate files; the server stops the connector gracefully. */
    void stopWatching() {
        if (reloader != null) {
            reloader.close();
        }
    }

    /** A start that failed: the files are no longer watched and the port is released. */
    @Override
    public void close() {
        stopWatching();
        connector.close();
    }
}
