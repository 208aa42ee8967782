package dev.breakwater.gateway.testing;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A real HTTPS backend on a loopback ephemeral port that requires a client certificate issued by
 * the test CA ({@link TestCertificates}): a client without one fails the TLS handshake. Every
 * request is answered {@code 200} with {@code subject=<client certificate subject> path=<path>}
 * and the TLS version in {@code X-Tls-Protocol}. The other constructor serves another certificate (self-signed, a wrong name) and may ask for no
 * client certificate.
 */
public final class MutualTlsBackend implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final AtomicInteger answered = new AtomicInteger();

    public MutualTlsBackend(TestCertificates certificates) throws Exception {
        this(certificates, certificates.serverStore, true);
    }

    /**
     * @param serverStore          the PKCS#12 of the certificate it serves (one of {@link TestCertificates}')
     * @param needsClientCertificate whether a client without a certificate from the test CA is refused
     */
    public MutualTlsBackend(TestCertificates certificates, java.nio.file.Path serverStore,
                            boolean needsClientCertificate) throws Exception {
        server = new Server();
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(serverStore.toString());
        tls.setKeyStoreType("PKCS12");
        tls.setKeyStorePassword(TestCertificates.PASSWORD);
        tls.setTrustStore(certificates.caTrustStore());
        if (needsClientCertificate) {
            tls.setNeedClientAuth(true);
        } else {
            tls.setWantClientAuth(true); // a certificate given is still shown in the answer
        }
        HttpConfiguration http = new HttpConfiguration();
        http.addCustomizer(new SecureRequestCustomizer(false)); // the gateway connects to 127.0.0.1, not a host name
        connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                EndPoint.SslSessionData tlsData = (EndPoint.SslSessionData) request.getAttribute(
                        EndPoint.SslSessionData.ATTRIBUTE);
                X509Certificate[] peer = tlsData == null ? null : tlsData.peerCertificates();
                String subject = peer == null || peer.length == 0 ? "none"
                        : peer[0].getSubjectX500Principal().getName();
                answered.incrementAndGet();
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
                if (tlsData != null && tlsData.sslSession() != null) { // what the gateway negotiated
                    response.getHeaders().put("X-Tls-Protocol", tlsData.sslSession().getProtocol());
                }
                if (tlsData != null && tlsData.sslSession() != null) { // what the gateway negotiated
                    response.getHeaders().put("X-Tls-Protocol", tlsData.sslSession().getProtocol());
                }
                response.write(true, StandardCharsets.UTF_8.encode("subject=" + subject + " path="
                        + request.getHttpURI().getPath()), callback);
                return true;
            }
        });
        server.start();
    }

    /** The base URL, e.g. {@code https://127.0.0.1:41234}. */
    public String url() {
        return "https://127.0.0.1:" + connector.getLocalPort();
    }

    /** How many requests got an answer (a refused handshake is none). */
    public int answered() {
        return answered.get();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
