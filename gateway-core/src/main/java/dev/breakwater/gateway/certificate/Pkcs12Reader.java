package dev.breakwater.gateway.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a PKCS#12 file (.pfx, .p12), as APIM takes certificates: one private key with its
 * certificate chain, or a certificate alone. No message repeats the password or the data.
 */
final class Pkcs12Reader {

    private Pkcs12Reader() {
    }

    static ClientCertificate read(String id, byte[] data, char[] password) throws UnreadableCertificateException {
        // no password: the empty one, as .NET and OpenSSL read a .pfx exported without one
        char[] secret = password == null ? new char[0] : password;
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(data), secret);
        } catch (IOException e) {
            throw new UnreadableCertificateException(e.getCause() instanceof UnrecoverableKeyException
                    ? "the PKCS#12 data does not open with " + (password == null ? "no password" : "its password")
                    : "the data is not a PKCS#12 (.pfx) file, or is damaged");
        } catch (KeyStoreException | NoSuchAlgorithmException | CertificateException | RuntimeException e) {
            throw new UnreadableCertificateException("the data is not a PKCS#12 (.pfx) file this runtime can read");
        }
        try {
            return certificate(id, store, secret);
        } catch (KeyStoreException e) {
            throw new UnreadableCertificateException("the PKCS#12 entries cannot be read");
        }
    }

    private static ClientCertificate certificate(String id, KeyStore store, char[] password)
            throws KeyStoreException, UnreadableCertificateException {
        List<String> keys = new ArrayList<>();
        List<String> certificates = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            (store.isKeyEntry(alias) ? keys : certificates).add(alias);
        }
        if (keys.size() > 1) {
            throw new UnreadableCertificateException("the PKCS#12 data holds " + keys.size()
                    + " private keys; one certificate with its key is expected");
        }
        if (keys.isEmpty()) {
            if (certificates.size() != 1) {
                throw new UnreadableCertificateException("the PKCS#12 data holds no private key and "
                        + certificates.size() + " certificates; one certificate (with its key) is expected");
            }
            return new ClientCertificate(id, List.of(x509(store.getCertificate(certificates.get(0)))), null);
        }
        String alias = keys.get(0);
        Key key;
        try {
            key = store.getKey(alias, password);
        } catch (UnrecoverableKeyException | NoSuchAlgorithmException e) {
            throw new UnreadableCertificateException("the private key does not open with the password of the data");
        }
        if (!(key instanceof PrivateKey privateKey)) {
            throw new UnreadableCertificateException("the PKCS#12 data holds a secret key, not a private key");
        }
        Certificate[] chain = store.getCertificateChain(alias);
        if (chain == null || chain.length == 0) {
            throw new UnreadableCertificateException("the private key in the PKCS#12 data has no certificate");
        }
        List<X509Certificate> x509 = new ArrayList<>();
        for (Certificate certificate : chain) {
            x509.add(x509(certificate));
        }
        if (!KeyPairs.match(privateKey, x509.get(0).getPublicKey())) {
            throw new UnreadableCertificateException("the private key does not belong to the certificate");
        }
        return new ClientCertificate(id, x509, privateKey);
    }

    private static X509Certificate x509(Certificate certificate) throws UnreadableCertificateException {
        if (certificate instanceof X509Certificate x509) {
            return x509;
        }
        throw new UnreadableCertificateException("the PKCS#12 data holds a certificate that is not X.509");
    }
}
