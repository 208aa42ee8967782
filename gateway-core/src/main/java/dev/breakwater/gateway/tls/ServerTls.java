package dev.breakwater.gateway.tls;

import java.security.KeyStore;
import java.security.cert.CRL;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.TrustManager;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The one place an HTTPS listener's {@link SslContextFactory.Server} is made, for the gateway
 * runner and the management plane alike: certificates by SNI (the first is the default), the TLS
 * versions and suites of the settings, the JDK's session cache for resumption, and a
 * {@link #reload} that swaps the certificates for new handshakes while open connections go on.
 * With {@link HttpsOptions#clientCertificateHosts()}, a second factory with the same certificates
 * requests (never requires) a client certificate and accepts any: the listener hands it the
 * connections whose SNI host name is listed, since JSSE fixes client auth before the handshake.
 */
public final class ServerTls {

    private final SslContextFactory.Server factory;
    private final SslContextFactory.Server requesting;
    private final HostPatterns clientCertificateHosts;
    private final AtomicReference<ServerCertificates> current;

    private ServerTls(SslContextFactory.Server factory, SslContextFactory.Server requesting, HostPatterns hosts,
                      ServerCertificates certificates) {
        this.factory = factory;
        this.requesting = requesting;
        this.clientCertificateHosts = hosts;
        this.current = new AtomicReference<>(certificates);
    }

    /** Reads the certificates now: a start with bad files fails with a message naming the file. */
    public static ServerTls create(HttpsOptions options) throws CertificateFileException {
        ServerCertificates certificates = ServerCertificates.read(options.certificates());
        SslContextFactory.Server factory = configure(new SslContextFactory.Server(), options, certificates);
        HostPatterns hosts = options.clientCertificateHosts() == null ? HostPatterns.NONE
                : options.clientCertificateHosts();
        SslContextFactory.Server requesting = null;
        if (!hosts.isEmpty()) {
            requesting = configure(new RequestingClientCertificate(), options, certificates);
            requesting.setWantClientAuth(true); // want, not need: a client without one still reaches the policies
        }
        return new ServerTls(factory, requesting, hosts, certificates);
    }

    private static SslContextFactory.Server configure(SslContextFactory.Server factory, HttpsOptions options,
                                                      ServerCertificates certificates) {
        use(factory, certificates);
        factory.setIncludeProtocols(options.protocols().toArray(String[]::new));
        if (!options.cipherSuites().isEmpty()) {
            // Jetty's default exclusions (weak suites) still apply on top of this list
            factory.setIncludeCipherSuites(options.cipherSuites().toArray(String[]::new));
        }
        // No SNI, or a name no certificate has: the first certificate rather than a handshake failure,
        // as clients that send no SNI (IP addresses, old clients) still get an answer.
        factory.setSniRequired(false);
        // The JDK's server session cache (TLS 1.2 session ids) and TLS 1.3 tickets make resumption work;
        // Jetty's defaults keep the cache on.
        factory.setSessionCachingEnabled(true);
        return factory;
    }

    private static void use(SslContextFactory factory, ServerCertificates certificates) {
        factory.setKeyStore(certificates.keyStore());
        factory.setKeyManagerPassword(certificates.keyPassword());
        factory.setCertAlias(certificates.defaultAlias());
    }

    /** The factory for the listener's SslConnectionFactory (no client certificate requested). */
    public SslContextFactory.Server factory() {
        return factory;
    }

    /** The factory that requests a client certificate, or {@code null} when no host name asks for one. */
    public SslContextFactory.Server requestingFactory() {
        return requesting;
    }

    /** The SNI host names that get {@link #requestingFactory()}. */
    public HostPatterns clientCertificateHosts() {
        return clientCertificateHosts;
    }

    /** What is served now. */
    public List<ServedCertificate> served() {
        return current.get().served();
    }

    /**
     * Serves these certificates to new handshakes; connections already open keep theirs.
     *
     * @throws Exception when Jetty cannot build the new context; the old certificates are then put back
     */
    public synchronized void reload(ServerCertificates certificates) throws Exception {
        ServerCertificates old = current.get();
        try {
            reload(factory, certificates, old);
            if (requesting != null) {
                reload(requesting, certificates, old);
            }
        } catch (Exception e) {
            if (requesting != null) {
                requesting.reload(f -> use(f, old));
            }
            factory.reload(f -> use(f, old));
            throw e;
        }
        current.set(certificates);
    }

    private static void reload(SslContextFactory.Server target, ServerCertificates certificates,
                               ServerCertificates old) throws Exception {
        try {
            target.reload(f -> use(f, certificates));
        } catch (Exception e) {
            // Jetty's reload unloads before it loads: a failed load would leave no context at all
            target.reload(f -> use(f, old));
            throw e;
        }
    }

    /** Requests client certificates and lets every one through to the policies. */
    private static final class RequestingClientCertificate extends SslContextFactory.Server {
        @Override
        protected TrustManager[] getTrustManagers(KeyStore trustStore, Collection<? extends CRL> crls) {
            return new TrustManager[] {new AcceptingClientTrust()};
        }
    }
}
