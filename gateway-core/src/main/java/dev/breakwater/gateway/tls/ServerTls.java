package dev.breakwater.gateway.tls;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The one place an HTTPS listener's {@link SslContextFactory.Server} is made, for the gateway
 * runner and the management plane alike: certificates by SNI (the first is the default), the TLS
 * versions and suites of the settings, the JDK's session cache for resumption, and a
 * {@link #reload} that swaps the certificates for new handshakes while open connections go on.
 * Client certificates (per host name) are to be added here too.
 */
public final class ServerTls {

    private final SslContextFactory.Server factory;
    private final AtomicReference<ServerCertificates> current;

    private ServerTls(SslContextFactory.Server factory, ServerCertificates certificates) {
        this.factory = factory;
        this.current = new AtomicReference<>(certificates);
    }

    /** Reads the certificates now: a start with bad files fails with a message naming the file. */
    public static ServerTls create(HttpsOptions options) throws CertificateFileException {
        ServerCertificates certificates = ServerCertificates.read(options.certificates());
        SslContextFactory.Server factory = new SslContextFactory.Server();
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
        return new ServerTls(factory, certificates);
    }

    private static void use(SslContextFactory factory, ServerCertificates certificates) {
        factory.setKeyStore(certificates.keyStore());
        factory.setKeyManagerPassword(certificates.keyPassword());
        factory.setCertAlias(certificates.defaultAlias());
    }

    /** The factory for the listener's SslConnectionFactory. */
    public SslContextFactory.Server factory() {
        return factory;
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
            factory.reload(f -> use(f, certificates));
        } catch (Exception e) {
            // Jetty's reload unloads before it loads: a failed load would leave no context at all
            factory.reload(f -> use(f, old));
            throw e;
        }
        current.set(certificates);
    }
}
