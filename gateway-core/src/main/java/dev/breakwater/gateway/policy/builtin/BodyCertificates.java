package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.certificate.CertificateReader;
import dev.breakwater.gateway.certificate.ClientCertificate;
import dev.breakwater.gateway.certificate.UnreadableCertificateException;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The certificates one {@code authentication-certificate body="…"} read, so that a PKCS#12 file
 * given on every request (from a cached Key Vault secret, typically) is parsed once: by a digest of
 * its bytes and password, the few most recent. A file that cannot be read fails the request, and is
 * read again next time.
 */
final class BodyCertificates {

    /** Enough for a rotation (the old and the new) several times over; each entry holds one key. */
    private static final int KEPT = 8;

    private final Map<String, ClientCertificate> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ClientCertificate> eldest) {
            return size() > KEPT;
        }
    };

    ClientCertificate certificate(byte[] data, String password) throws PolicyException {
        String key = digest(data, password);
        synchronized (recent) {
            ClientCertificate known = recent.get(key);
            if (known != null) {
                return known;
            }
        }
        ClientCertificate certificate;
        try {
            certificate = CertificateReader.fromPkcs12(null, data, password); // parsed outside the lock
        } catch (UnreadableCertificateException e) {
            throw new PolicyException(AuthenticationCertificatePolicy.NAME, "InvalidCertificate", 500,
                    "body: " + e.getMessage());
        }
        if (!certificate.hasPrivateKey()) {
            throw new PolicyException(AuthenticationCertificatePolicy.NAME, "CertificateWithoutPrivateKey", 500,
                    "body: the certificate has no private key: it cannot authenticate the gateway");
        }
        synchronized (recent) {
            recent.put(key, certificate);
        }
        return certificate;
    }

    private static String digest(byte[] data, String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            // the password is part of the key: a wrong one must not find what the right one opened
            sha256.update(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(data.length).array());
            sha256.update(data);
            sha256.update(password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
