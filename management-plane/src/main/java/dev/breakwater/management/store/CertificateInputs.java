package dev.breakwater.management.store;

import dev.breakwater.gateway.certificate.CertificateReader;
import dev.breakwater.gateway.certificate.ClientCertificate;
import dev.breakwater.gateway.certificate.Thumbprints;
import dev.breakwater.gateway.certificate.UnreadableCertificateException;
import dev.breakwater.gateway.config.CertificateDefinition;
import dev.breakwater.gateway.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Certificates as a request gives them, completed as they are stored. One given with its key
 * material ({@code data} with its {@code password}, or {@code pem}) is read, and stored with its
 * thumbprint. One given without (as an export shows it: id and thumbprint) keeps the certificate
 * stored under its id, since no GET returns key material: an export imports again. A thumbprint
 * given then must be the stored certificate's, so that an import never keeps another certificate
 * than the one it names. Nothing stored to keep is an error.
 */
public final class CertificateInputs {

    private CertificateInputs() {
    }

    /**
     * @param stored the certificate stored under this id now, or {@code null}
     * @param where  where it was given, for messages
     */
    public static CertificateDefinition complete(CertificateDefinition given, CertificateDefinition stored,
                                                 String where) throws ConfigException {
        if (given.hasMaterial()) {
            ClientCertificate read = read(given, where);
            checkCa(given, read, where);
            return new CertificateDefinition(given.id(), given.data(), given.password(), given.pem(), read.thumbprint(),
                    given.ca());
        }
        if (given.password() != null) {
            throw new ConfigException(where + ": a password goes with data (base64 PKCS#12)");
        }
        if (stored == null) {
            throw new ConfigException(where + ": data (base64 PKCS#12, with its password) or pem is required: no "
                    + "certificate is stored under this id (an export leaves key material out: give it when importing "
                    + "into another management plane)");
        }
        String storedThumbprint = stored.thumbprint() != null ? stored.thumbprint() : read(stored, where).thumbprint();
        if (given.thumbprint() != null && !storedThumbprint.equals(Thumbprints.normalize(given.thumbprint()))) {
            throw new ConfigException(where + ": the certificate stored under this id has thumbprint " + storedThumbprint
                    + ", not " + given.thumbprint() + "; give its data or pem to replace it");
        }
        // an export shows whether it is a CA: that is kept, or changed, without giving the certificate again
        if (given.ca() == null || given.caCertificate() == stored.caCertificate()) {
            return stored;
        }
        CertificateDefinition changed = new CertificateDefinition(stored.id(), stored.data(), stored.password(),
                stored.pem(), stored.thumbprint(), given.ca());
        checkCa(changed, read(stored, where), where); // a stored client certificate does not become a CA with its key
        return changed;
    }

    /** A CA certificate is PEM certificates only: a private key would be trusted, and presentable, otherwise. */
    private static void checkCa(CertificateDefinition certificate, ClientCertificate read, String where)
            throws ConfigException {
        if (certificate.caCertificate() && (certificate.pem() == null || read.hasPrivateKey())) {
            throw new ConfigException(where + ": a CA certificate (ca: true) is given as pem, with CERTIFICATE "
                    + "blocks only, no private key");
        }
    }

    /** Every certificate of an imported document, completed against those stored now. */
    public static List<CertificateDefinition> completeAll(List<CertificateDefinition> given,
                                                          List<CertificateDefinition> stored) throws ConfigException {
        List<CertificateDefinition> completed = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            CertificateDefinition certificate = given.get(i);
            Optional<CertificateDefinition> same = stored.stream()
                    .filter(existing -> certificate.id() != null && certificate.id().equals(existing.id())).findFirst();
            completed.add(complete(certificate, same.orElse(null), "certificates[" + i + "]"
                    + (certificate.id() == null ? "" : " '" + certificate.id() + "'")));
        }
        return completed;
    }

    /** Reads a stored or given certificate, as the gateway will. */
    public static ClientCertificate read(CertificateDefinition certificate, String where) throws ConfigException {
        if (certificate.data() != null && certificate.pem() != null) {
            throw new ConfigException(where + ": one of data and pem, not both");
        }
        if (certificate.pem() != null && certificate.password() != null) {
            throw new ConfigException(where + ": password goes with data (PKCS#12); a pem key is read unencrypted");
        }
        try {
            return certificate.data() != null
                    ? CertificateReader.fromData(certificate.id(), certificate.data(), certificate.password())
                    : CertificateReader.fromPem(certificate.id(), certificate.pem());
        } catch (UnreadableCertificateException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
    }
}
