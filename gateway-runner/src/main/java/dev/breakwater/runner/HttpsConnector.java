package dev.breakwater.runner;

import dev.breakwater.gateway.tls.HttpsOptions;
import dev.breakwater.gateway.tls.ServerTls;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;

/**
 * The HTTPS traffic listener: TLS from {@link ServerTls} (SNI, reload), then HTTP/2 or HTTP/1.1 as
 * ALPN agrees (HTTP/1.1 for clients without ALPN), with the plain listener's guards (header timeout,
 * idle timeout, data rates: the same {@link HttpConfiguration} settings).
 */
final class HttpsConnector {

    static final String NAME = "traffic-https";

    private HttpsConnector() {
    }

    /**
     * @param plain the plain listener's HTTP configuration, copied: the same limits over TLS
     */
    static ServerConnector create(Server server, HttpsOptions options, ServerTls tls, HttpConfiguration plain,
                                  long headerTimeoutMillis) {
        HttpConfiguration https = new HttpConfiguration(plain);
        https.setSecureScheme("https");
        https.setSecurePort(options.port());
        // No check that the Host header names the certificate SNI chose: a gateway is reached by many
        // names (and by address) and routes by Host itself; the client checks the certificate.
        SecureRequestCustomizer secure = new SecureRequestCustomizer(false);
        https.addCustomizer(secure);
        HttpConnectionFactory http1 = new HeaderTimeoutConnectionFactory(https, headerTimeoutMillis);
        ServerConnector connector;
        if (options.http2()) {
            HTTP2ServerConnectionFactory http2 = new HTTP2ServerConnectionFactory(https);
            // no list: ALPN offers the protocols of the factories after it (h2, http/1.1), in their order
            ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
            alpn.setDefaultProtocol(http1.getProtocol());
            connector = new ServerConnector(server, new SslConnectionFactory(tls.factory(), alpn.getProtocol()), alpn,
                    http2, http1);
        } else {
            connector = new ServerConnector(server, new SslConnectionFactory(tls.factory(), http1.getProtocol()), http1);
        }
        connector.setIdleTimeout(plain.getIdleTimeout());
        connector.setName(NAME);
        connector.setHost(options.host());
        connector.setPort(options.port());
        return connector;
    }
}
