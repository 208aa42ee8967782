package dev.breakwater.gateway.snapshot;

import dev.breakwater.gateway.certificate.CertificateReader;
import dev.breakwater.gateway.certificate.Certificates;
import dev.breakwater.gateway.certificate.ClientCertificate;
import dev.breakwater.gateway.certificate.Thumbprints;
import dev.breakwater.gateway.certificate.UnreadableCertificateException;
import dev.breakwater.gateway.config.CertificateDefinition;
import dev.breakwater.gateway.config.ConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the certificates of a configuration: each one's PKCS#12 data or PEM text parsed, its key
 * checked against its certificate, its thumbprint checked when the document gives one. A
 * certificate that cannot be read refuses the document, naming the certificate; no message holds
 * its data, key or password.
 */
final class CertificatesCompiler {

    private CertificatesCompiler() {
    }

    static Certificates compile(List<CertificateDefinition> definitions) throws ConfigException {
        if (definitions.isEmpty()) {
            return Certificates.NONE;
        }
        Set<String> ids = new HashSet<>();
        List<ClientCertificate> certificates = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            CertificateDefinition definition = definitions.get(i);
            String where = "certificates[" + i + "]" + (definition.id() == null ? "" : " '" + definition.id() + "'");
            Definitions.checkId(definition.id(), where);
            if (!ids.add(definition.id())) {
                throw new ConfigException(where + ": id is used by another certificate");
            }
            certificates.add(certificate(definition, where));
        }
        return new Certificates(certificates);
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
        ClientCertificate certificate;
        try {
            certificate = definition.data() != null
                    ? CertificateReader.fromData(definition.id(), definition.data(), definition.password())
                    : CertificateReader.fromPem(definition.id(), definition.pem());
        } catch (UnreadableCertificateException e) {
            throw new ConfigException(where + ": " + e.getMessage());
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
