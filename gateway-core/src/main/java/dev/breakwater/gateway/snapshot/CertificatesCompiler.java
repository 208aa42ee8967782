package dev.breakwater.gateway.snapshot;

import dev.breakwater.gateway.certificate.CertificateReader;
import dev.breakwater.gateway.certificate.Certificates;
import dev.breakwater.gateway.certificate.ClientCertificate;
import dev.breakwater.gateway.certificate.Thumbprints;
import dev.breakwater.gateway.certificate.TrustedCertificates;
import dev.breakwater.gateway.certificate.UnreadableCertificateException;
import dev.breakwater.gateway.config.CertificateDefinition;
import dev.breakwater.gateway.config.ConfigException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * Reads the certificates of a configuration: each one's PKCS#12 data or PEM text parsed, its key
 * checked against its certificate, its thumbprint checked when the document gives one. A
 * certificate that cannot be read refuses the document, naming the certificate; no message holds
 * its data, key or password. What recent compiles read is kept, by a digest of each definition:
 * every revision (and a management plane compiles several documents per change) reads only new
 * certificates again, which matters as a PKCS#12 file costs thousands of key derivation rounds to
 * open.
 */
final class CertificatesCompiler {

    /** More certificates than a configuration holds, so that all of one stay; the least recently used go. */
    private static final int KEPT = 512;

    private final Map<String, ClientCertificate> lastRead = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ClientCertificate> eldest) {
            return size() > KEPT;
        }
    };

    Certificates compile(List<CertificateDefinition> definitions) throws ConfigException {
        if (definitions.isEmpty()) {
            return Certificates.NONE;
        }
        Set<String> ids = new HashSet<>();
        List<ClientCertificate> certificates = new ArrayList<>();
        Map<String, List<X509Certificate>> authorities = new LinkedHashMap<>();
        for (int i = 0; i < definitions.size(); i++) {
            CertificateDefinition definition = definitions.get(i);
            String where = "certificates[" + i + "]" + (definition.id() == null ? "" : " '" + definition.id() + "'");
            Definitions.checkId(definition.id(), where);
            if (!ids.add(definition.id())) {
                throw new ConfigException(where + ": id is used by another certificate");
            }
            String digest = digest(definition);
            ClientCertificate certificate;
            synchronized (lastRead) {
                certificate = lastRead.get(digest);
            }
            if (certificate == null) {
                certificate = certificate(definition, where);
                synchronized (lastRead) {
                    lastRead.put(digest, certificate);
                }
            }
            certificates.add(certificate);
            if (definition.caCertificate()) {
                authorities.put(definition.id(), certificate.chain());
            }
        }
        return new Certificates(certificates, new TrustedCertificates(authorities));
    }

    /** A digest of all a definition holds, each part with its length: no two differ only in how they split. */
    private static String digest(CertificateDefinition definition) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {definition.id(), definition.data(), definition.password(),
                    definition.pem(), definition.thumbprint(), definition.caCertificate() ? "ca" : null}) {
                byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
                sha256.update(ByteBuffer.allocate(Integer.BYTES + 1).put((byte) (part == null ? 0 : 1))
                        .putInt(bytes.length).array());
                sha256.update(bytes);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static ClientCertificate certificate(CertificateDefinition definition, String where)
            throws ConfigException {
        if ((definition.data() == null) == (definition.pem() == null)) {
            throw new ConfigException(where + ": one of data (base64 PKCS#12, with its password) and pem is required, "
                    + "and only one");
        }
        if (definition.pem() != null && definition.password() != null) {
            throw new ConfigException(where + ": password goes with data (PKCS#12); a pem key is read unencrypted");
        }
        if (definition.caCertificate() && definition.pem() == null) {
            throw new ConfigException(where + ": a CA certificate (ca: true) is given as pem, with CERTIFICATE blocks "
                    + "only");
        }
        ClientCertificate certificate;
        try {
            certificate = definition.data() != null
                    ? CertificateReader.fromData(definition.id(), definition.data(), definition.password())
                    : CertificateReader.fromPem(definition.id(), definition.pem());
        } catch (UnreadableCertificateException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
        if (definition.caCertificate() && certificate.hasPrivateKey()) {
            // the gateway trusts it, and never needs its key: a key here is a mistake that spreads a secret
            throw new ConfigException(where + ": a CA certificate (ca: true) holds CERTIFICATE blocks only, no "
                    + "private key");
        }
        if (definition.thumbprint() != null) {
            String expected = Thumbprints.normalize(definition.thumbprint());
            if (expected == null) {
                throw new ConfigException(where + ": thumbprint must be 40 hex digits (SHA-1), not '"
                        + definition.thumbprint() + "'");
            }
            if (!expected.equals(certificate.thumbprint())) {
                throw new ConfigException(where + ": the certificate's thumbprint is " + certificate.thumbprint()
                        + ", not " + expected + " as given");
            }
        }
        return certificate;
    }
}
