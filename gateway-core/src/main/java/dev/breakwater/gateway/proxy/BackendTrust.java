package dev.breakwater.gateway.proxy;

import dev.breakwater.gateway.certificate.ClientCertificate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The certificate authorities the gateway trusts for backends: the JVM's default ones, and those of
 * a PEM file when the setting {@code backend.tls.trust} names one (a private CA). Backends'
 * certificates are always validated, chain and host name. The TLS contexts that present a client
 * certificate use the same trust.
 */
public final class BackendTrust {

    private final KeyStore extra;

    private BackendTrust(KeyStore extra) {
        this.extra = extra;
    }

    /** The JVM's default trust only. */
    public static BackendTrust jvmDefault() {
        return new BackendTrust(null);
    }

    /**
     * The JVM's default trust and the CA certificates of a PEM file.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds no certificate
     */
    public static BackendTrust withPemFile(Path file) {
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
        } catch (CertificateException e) {
            throw new IllegalArgumentException(file.toAbsolutePath() + " is not a PEM file of certificates");
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(file.toAbsolutePath() + " holds no certificate");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate authority : defaultAuthorities()) {
                store.setCertificateEntry("jvm-" + i++, authority);
            }
            i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("backend-trust-" + i++, certificate);
            }
            return new BackendTrust(store);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("a trust store in memory cannot be made: " + e.getMessage(), e);
        }
    }

    /** The TLS settings of the proxy's own client: validation as Jetty's default, with this trust. */
    SslContextFactory.Client sslContextFactory() {
        SslContextFactory.Client factory = new SslContextFactory.Client();
        if (extra != null) {
            factory.setTrustStore(extra);
        }
        return factory;
    }

    /** TLS settings that present the certificate to every backend, with the same trust and validation. */
    SslContextFactory.Client sslContextFactory(ClientCertificate certificate) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(extra); // null: the JVM's default
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new PresentedKey(certificate)}, trust.getTrustManagers(), null);
            SslContextFactory.Client factory = new SslContextFactory.Client(); // host names still verified
            factory.setSslContext(context);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a TLS context for " + certificate + " cannot be made: " + e.getMessage(), e);
        }
    }

    private static X509Certificate[] defaultAuthorities() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509.getAcceptedIssuers();
            }
        }
        return new X509Certificate[0];
    }
}
