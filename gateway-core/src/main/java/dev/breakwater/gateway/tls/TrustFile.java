package dev.breakwater.gateway.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A PEM file of CA certificates a setting names: read once, size-bounded, with errors that name the
 * setting and the file. For a service the gateway knows by its private CA (the management plane)
 * it makes a TLS client context that trusts only them, where trusting every public CA too would add
 * nothing but risk (the management plane, Redis); for backends ({@code backend.tls.trust}) its
 * certificates join the JVM's.
 * Host names are still verified by the client that uses them.
 */
public final class TrustFile {

    private TrustFile() {
    }

    /** @throws CertificateFileException naming the setting and the file, when it cannot be used */
    public static SSLContext sslContext(Path file, String setting) throws CertificateFileException {
        List<X509Certificate> certificates = certificates(file, setting);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers(certificates).getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a TLS context cannot be made: " + e.getMessage(), e);
        }
    }

    /** A trust manager factory over exactly these CAs: a private CA need not join the JVM's. */
    public static TrustManagerFactory trustManagers(List<X509Certificate> authorities) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < authorities.size(); i++) {
                store.setCertificateEntry("ca-" + i, authorities.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("a trust store in memory cannot be made: " + e.getMessage(), e);
        }
    }

    /**
     * The certificates of the file, at least one.
     *
     * @throws CertificateFileException naming the setting and the file, when it cannot be read, is too
     *                                  large, is not PEM certificates or holds none
     */
    public static List<X509Certificate> certificates(Path file, String setting) throws CertificateFileException {
        byte[] data = ServerCertificates.bytes(file, setting);
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(data));
        } catch (CertificateException e) {
            throw new CertificateFileException(setting + " file " + file + ": not a PEM file of certificates");
        }
        if (certificates.isEmpty()) {
            throw new CertificateFileException(setting + " file " + file + ": holds no certificate");
        }
        return certificates.stream().map(X509Certificate.class::cast).toList();
    }
}
