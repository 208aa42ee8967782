package dev.breakwater.gateway.certificate;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM text: one or more {@code CERTIFICATE} blocks (the certificate and the chain that issued
 * it) and at most one unencrypted private key, PKCS#8 ({@code PRIVATE KEY}), PKCS#1
 * ({@code RSA PRIVATE KEY}) or SEC 1 ({@code EC PRIVATE KEY}, with its named curve). The
 * certificate is the one the key belongs to, whatever the order of
 * the blocks; the others follow it in the order given. Text outside the blocks is ignored, as
 * OpenSSL does. No message repeats the key.
 */
final class PemReader {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END ([A-Z0-9 ]+)-----", Pattern.DOTALL);
    private static final String BEGIN = "-----BEGIN ";
    private static final String[] KEY_ALGORITHMS = {"RSA", "EC", "EdDSA", "DSA"};
    /** More than any real chain: a bound on the work of one certificate. */
    private static final int MAX_CERTIFICATES = 16;

    private PemReader() {
    }

    static ClientCertificate read(String id, String text) throws UnreadableCertificateException {
        List<X509Certificate> certificates = new ArrayList<>();
        PrivateKey key = null;
        Matcher block = BLOCK.matcher(text);
        int blocks = 0;
        while (block.find()) {
            blocks++;
            String type = block.group(1);
            if (!type.equals(block.group(3))) {
                throw new UnreadableCertificateException("a " + type + " block of the PEM text ends as " + block.group(3));
            }
            if (block.group(2).contains(":")) { // OpenSSL's legacy encryption headers (Proc-Type, DEK-Info)
                throw new UnreadableCertificateException("the " + type + " block of the PEM text is encrypted: give "
                        + "the certificate as PKCS#12 data with its password instead, or the key unencrypted");
            }
            byte[] der = der(block.group(2), type);
            switch (type) {
                case "CERTIFICATE" -> {
                    if (certificates.size() == MAX_CERTIFICATES) {
                        throw new UnreadableCertificateException("the PEM text holds more than " + MAX_CERTIFICATES
                                + " certificates");
                    }
                    certificates.add(certificate(der));
                }
                case "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY" -> {
                    if (key != null) {
                        throw new UnreadableCertificateException("the PEM text holds more than one private key");
                    }
                    key = privateKey(switch (type) {
                        case "RSA PRIVATE KEY" -> Pkcs1.toPkcs8(der);
                        case "EC PRIVATE KEY" -> Sec1.toPkcs8(der);
                        default -> der;
                    });
                }
                case "ENCRYPTED PRIVATE KEY" -> throw new UnreadableCertificateException("the private key in the PEM "
                        + "text is encrypted: give the certificate as PKCS#12 data with its password instead, or the "
                        + "key unencrypted (openssl pkcs8 -topk8 -nocrypt)");
                default -> throw new UnreadableCertificateException("the PEM text holds a '" + type + "' block; only "
                        + "CERTIFICATE, PRIVATE KEY, RSA PRIVATE KEY and EC PRIVATE KEY are read");
            }
        }
        if (blocks != count(text, BEGIN)) {
            throw new UnreadableCertificateException("a block of the PEM text has no END line");
        }
        if (certificates.isEmpty()) {
            throw new UnreadableCertificateException("the PEM text holds no CERTIFICATE block");
        }
        if (key != null) {
            certificates = ownFirst(certificates, key);
        }
        return new ClientCertificate(id, certificates, key);
    }

    /** The certificate the key belongs to first, then the others in their order. */
    private static List<X509Certificate> ownFirst(List<X509Certificate> certificates, PrivateKey key)
            throws UnreadableCertificateException {
        for (int i = 0; i < certificates.size(); i++) {
            if (KeyPairs.match(key, certificates.get(i).getPublicKey())) {
                List<X509Certificate> ordered = new ArrayList<>(certificates);
                ordered.add(0, ordered.remove(i));
                return ordered;
            }
        }
        throw new UnreadableCertificateException("the private key belongs to none of the certificates in the PEM text");
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            count++;
        }
        return count;
    }

    private static byte[] der(String base64, String type) throws UnreadableCertificateException {
        try {
            return Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new UnreadableCertificateException("a " + type + " block of the PEM text is not valid base64");
        }
    }

    private static X509Certificate certificate(byte[] der) throws UnreadableCertificateException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new UnreadableCertificateException("a CERTIFICATE block of the PEM text is not an X.509 certificate");
        }
    }

    private static PrivateKey privateKey(byte[] pkcs8) throws UnreadableCertificateException {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException | RuntimeException e) {
                // not a key of this kind: the next one is tried
            }
        }
        throw new UnreadableCertificateException("the private key in the PEM text is not an RSA, EC, EdDSA or DSA key "
                + "this runtime can read");
    }
}
