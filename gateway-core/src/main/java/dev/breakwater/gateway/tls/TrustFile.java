package dev.breakwater.gateway.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS client context that trusts only the CA certificates of one PEM file: for a service the
 * gateway knows by its private CA (the management plane), where trusting every public CA too would
 * add nothing but risk. Host names are still verified by the client that uses it.
 */
public final class TrustFile {

    private TrustFile() {
    }

    /** @throws CertificateFileException naming the setting and the file, when it cannot be used */
    public static SSLContext sslContext(Path file, String setting) throws CertificateFileException {
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
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("a trust store in memory cannot be made: " + e.getMessage(), e);
        }
    }
}
