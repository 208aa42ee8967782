package dev.breakwater.gateway.tls;

import dev.breakwater.gateway.certificate.CertificateReader;
import dev.breakwater.gateway.certificate.ClientCertificate;
import dev.breakwater.gateway.certificate.UnreadableCertificateException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * The certificates of an HTTPS listener, read from their files into one in-memory key store,
 * one entry per certificate in the order given (the first is the default). Every problem names the
 * file and what is wrong, never key bytes or a password.
 *
 * @param keyStore    the entries, aliases {@code cert0}, {@code cert1}, ...
 * @param keyPassword the random password of the entries, made for this store only
 * @param served      what is served, in the order of the entries
 */
public record ServerCertificates(KeyStore keyStore, String keyPassword, List<ServedCertificate> served) {

    /** Larger than any real certificate chain, key or keystore: a bound on what is read. */
    static final int MAX_FILE_BYTES = CertificateReader.MAX_BYTES;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The default certificate's alias: no SNI, or an SNI host name no certificate matches. */
    public String defaultAlias() {
        return served.get(0).alias();
    }

    /** Reads the certificates; {@link CertificateFileException} says which file is wrong and how. */
    public static ServerCertificates read(HttpsOptions.CertificateSource source) throws CertificateFileException {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String password = Base64.getEncoder().encodeToString(random);
        KeyStore store = emptyStore();
        List<ServedCertificate> served = new ArrayList<>();
        if (source.keystore() != null) {
            readKeystore(source.keystore(), source.keystorePassword(), store, password, served);
        } else {
            for (int i = 0; i < source.certificateFiles().size(); i++) {
                ClientCertificate pair = readPair(source.certificateFiles().get(i), source.keyFiles().get(i));
                add(store, "cert" + i, pair.privateKey(), pair.chain().toArray(Certificate[]::new), password, served);
            }
        }
        return new ServerCertificates(store, password, List.copyOf(served));
    }

    /** A certificate file and its key file: the certificate's problems are told apart from the key's. */
    private static ClientCertificate readPair(Path certificateFile, Path keyFile) throws CertificateFileException {
        String certificates = text(certificateFile, HttpsSettings.CERTIFICATE);
        String key = text(keyFile, HttpsSettings.KEY);
        try {
            CertificateReader.fromPem(null, certificates);
        } catch (UnreadableCertificateException e) {
            throw new CertificateFileException(HttpsSettings.CERTIFICATE + " file " + certificateFile + ": "
                    + e.getMessage());
        }
        if (!key.contains("PRIVATE KEY-----")) {
            throw new CertificateFileException(HttpsSettings.KEY + " file " + keyFile + ": holds no PEM private key "
                    + "(-----BEGIN PRIVATE KEY-----, RSA PRIVATE KEY or EC PRIVATE KEY)");
        }
        try {
            ClientCertificate pair = CertificateReader.fromPem(null, certificates + "\n" + key);
            if (!pair.hasPrivateKey()) {
                throw new UnreadableCertificateException("holds no private key");
            }
            return pair;
        } catch (UnreadableCertificateException e) {
            throw new CertificateFileException(HttpsSettings.KEY + " file " + keyFile + " (for " + certificateFile
                    + "): " + e.getMessage());
        }
    }

    private static void readKeystore(Path file, char[] password, KeyStore into, String entryPassword,
                                     List<ServedCertificate> served) throws CertificateFileException {
        byte[] data = bytes(file, HttpsSettings.KEYSTORE);
        KeyStore keystore;
        try {
            keystore = KeyStore.getInstance("PKCS12");
            keystore.load(new ByteArrayInputStream(data), password);
        } catch (IOException e) {
            boolean wrongPassword = e.getCause() instanceof UnrecoverableKeyException;
            throw new CertificateFileException(HttpsSettings.KEYSTORE + " file " + file + ": " + (wrongPassword
                    ? "the password (" + HttpsSettings.KEYSTORE_PASSWORD_VARIABLE + ") does not open it"
                    : "not a PKCS#12 file this runtime can read, or the password ("
                    + HttpsSettings.KEYSTORE_PASSWORD_VARIABLE + ") is wrong"));
        } catch (GeneralSecurityException e) {
            throw new CertificateFileException(HttpsSettings.KEYSTORE + " file " + file + ": cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        try {
            int i = 0;
            for (String alias : Collections.list(keystore.aliases())) {
                if (keystore.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) keystore.getKey(alias, password);
                    add(into, "cert" + i++, key, keystore.getCertificateChain(alias), entryPassword, served);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new CertificateFileException(HttpsSettings.KEYSTORE + " file " + file + ": a key cannot be read "
                    + "with the keystore's password (" + e.getClass().getSimpleName() + ")");
        }
        if (served.isEmpty()) {
            throw new CertificateFileException(HttpsSettings.KEYSTORE + " file " + file + ": holds no private key "
                    + "entry (a certificate with its key)");
        }
    }

    private static void add(KeyStore store, String alias, PrivateKey key, Certificate[] chain, String password,
                            List<ServedCertificate> served) throws CertificateFileException {
        try {
            store.setKeyEntry(alias, key, password.toCharArray(), chain);
        } catch (GeneralSecurityException e) {
            throw new CertificateFileException("certificate " + (served.size() + 1) + " cannot be served ("
                    + e.getClass().getSimpleName() + ")");
        }
        served.add(ServedCertificate.of(alias, (X509Certificate) chain[0]));
    }

    private static KeyStore emptyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("this runtime has no PKCS#12 key store", e);
        }
    }

    private static String text(Path file, String setting) throws CertificateFileException {
        return new String(bytes(file, setting), StandardCharsets.UTF_8);
    }

    /** A file's bytes, bounded; also what the reloader hashes. */
    static byte[] bytes(Path file, String setting) throws CertificateFileException {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new CertificateFileException(setting + " file " + file + ": has " + size + " bytes; at most "
                        + MAX_FILE_BYTES + " are read");
            }
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CertificateFileException(setting + " file " + file + ": does not exist");
        } catch (IOException e) {
            throw new CertificateFileException(setting + " file " + file + ": cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
