package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.certificate.Certificates;
import dev.breakwater.gateway.certificate.ClientCertificate;
import dev.breakwater.gateway.certificate.DotNetNames;
import dev.breakwater.gateway.certificate.PresentedChain;
import dev.breakwater.gateway.certificate.Thumbprints;
import dev.breakwater.gateway.certificate.TrustedCertificates;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.ValueReader;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/**
 * One {@code <identity>} of validate-client-certificate: every claim it names must hold for the
 * client's certificate. Thumbprints and serial numbers compare as hex in any case (spaces and colons
 * ignored, serial numbers without leading zeros); names compare without regard to case, subjects as
 * distinguished names (so {@code CN=a,O=b} equals {@code CN=a, O=b}); the issuer is the certificate
 * that signed the client's, found among those the client presented and the configuration's CA
 * certificates, or the certificate entity {@code issuer-certificate-id} names.
 */
final class ClientCertificateIdentity {

    static final String[] ATTRIBUTES = {"thumbprint", "serial-number", "common-name", "subject", "dns-name",
        "issuer-subject", "issuer-thumbprint", "issuer-certificate-id"};
    /** .NET's keywords that the JDK's distinguished name parser does not know. */
    private static final Map<String, String> KEYWORDS = Map.of("S", "2.5.4.8", "E", "1.2.840.113549.1.9.1",
            "G", "2.5.4.42", "SN", "2.5.4.4", "T", "2.5.4.12", "SERIALNUMBER", "2.5.4.5");

    private final String thumbprint;
    private final String serialNumber;
    private final String commonName;
    private final X500Principal subject;
    private final String dnsName;
    private final X500Principal issuerSubject;
    private final String issuerThumbprint;
    private final X509Certificate issuerCertificate;

    private ClientCertificateIdentity(String thumbprint, String serialNumber, String commonName, X500Principal subject,
                                      String dnsName, X500Principal issuerSubject, String issuerThumbprint,
                                      X509Certificate issuerCertificate) {
        this.thumbprint = thumbprint;
        this.serialNumber = serialNumber;
        this.commonName = commonName;
        this.subject = subject;
        this.dnsName = dnsName;
        this.issuerSubject = issuerSubject;
        this.issuerThumbprint = issuerThumbprint;
        this.issuerCertificate = issuerCertificate;
    }

    static ClientCertificateIdentity compile(PolicyElement element, ValueReader reader,
                                             Certificates certificates)
            throws PolicyCompileException {
        element.allowAttributes(ATTRIBUTES);
        element.allowChildren();
        element.forbidText();
        String thumbprint = hex(element, reader, "thumbprint", true);
        String serial = hex(element, reader, "serial-number", false);
        String issuerThumbprint = hex(element, reader, "issuer-thumbprint", true);
        String issuerId = reader.literal(element, "issuer-certificate-id");
        X509Certificate issuer = null;
        if (issuerId != null) {
            ClientCertificate entity = certificates.byId(issuerId.trim());
            if (entity == null) {
                throw new PolicyCompileException(element, "attribute 'issuer-certificate-id' names certificate '"
                        + issuerId.trim() + "', which the configuration does not define (" + certificates.ids() + ")");
            }
            issuer = entity.certificate();
        }
        ClientCertificateIdentity identity = new ClientCertificateIdentity(thumbprint, serial,
                text(element, reader, "common-name"), name(element, reader, "subject"),
                text(element, reader, "dns-name"), name(element, reader, "issuer-subject"), issuerThumbprint,
                issuer);
        if (identity.claims() == 0) {
            throw new PolicyCompileException(element, "an identity needs at least one of the attributes "
                    + String.join(", ", ATTRIBUTES));
        }
        return identity;
    }

    private int claims() {
        int claims = 0;
        for (Object claim : new Object[] {thumbprint, serialNumber, commonName, subject, dnsName, issuerSubject,
            issuerThumbprint, issuerCertificate}) {
            claims += claim == null ? 0 : 1;
        }
        return claims;
    }

    /** Whether every claim holds for the presented chain. */
    boolean matches(PresentedChain presented, TrustedCertificates trusted) {
        X509Certificate certificate = presented.certificate();
        if (thumbprint != null && !thumbprint.equals(Thumbprints.of(certificate))) {
            return false;
        }
        if (serialNumber != null && !serialNumber.equals(certificate.getSerialNumber().toString(16)
                .toUpperCase(Locale.ROOT))) {
            return false;
        }
        // equalsIgnoreCase(null) is false: a certificate without a CN matches no common-name claim
        if (commonName != null && !commonName.equalsIgnoreCase(
                DotNetNames.commonName(certificate.getSubjectX500Principal()))) {
            return false;
        }
        if (subject != null && !subject.equals(certificate.getSubjectX500Principal())) {
            return false;
        }
        if (dnsName != null && !dnsNames(certificate).contains(dnsName.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (issuerSubject != null && !issuerSubject.equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        if (issuerCertificate != null && !signedBy(certificate, issuerCertificate)) {
            return false;
        }
        if (issuerThumbprint != null) {
            X509Certificate issuer = issuer(presented, trusted);
            return issuer != null && issuerThumbprint.equals(Thumbprints.of(issuer));
        }
        return true;
    }

    private static X509Certificate issuer(PresentedChain presented, TrustedCertificates trusted) {
        X509Certificate certificate = presented.certificate();
        List<X509Certificate> candidates = new ArrayList<>(presented.chain().subList(1, presented.chain().size()));
        candidates.addAll(trusted.certificates());
        for (X509Certificate candidate : candidates) {
            if (signedBy(certificate, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static List<String> dnsNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> alternative : alternatives) {
                    if (Integer.valueOf(2).equals(alternative.get(0))) { // dNSName
                        names.add(String.valueOf(alternative.get(1)).toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unreadable extension names nothing
        }
        return names;
    }

    private static String hex(PolicyElement element, ValueReader reader, String attribute, boolean thumbprint)
            throws PolicyCompileException {
        String raw = reader.literal(element, attribute);
        if (raw == null) {
            return null;
        }
        if (thumbprint) {
            String normalized = Thumbprints.normalize(raw);
            if (normalized == null) {
                throw new PolicyCompileException(element, "attribute '" + attribute + "' must be a SHA-1 thumbprint, "
                        + "40 hex digits");
            }
            return normalized;
        }
        String compact = raw.replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT);
        if (!compact.matches("[0-9A-F]+")) {
            throw new PolicyCompileException(element, "attribute '" + attribute + "' must be hex digits, not '" + raw
                    + "'");
        }
        return new java.math.BigInteger(compact, 16).toString(16).toUpperCase(Locale.ROOT);
    }

    private static X500Principal name(PolicyElement element, ValueReader reader, String attribute)
            throws PolicyCompileException {
        String raw = reader.literal(element, attribute);
        if (raw == null) {
            return null;
        }
        try {
            return new X500Principal(raw.trim(), KEYWORDS);
        } catch (IllegalArgumentException e) {
            throw new PolicyCompileException(element, "attribute '" + attribute + "' is not a distinguished name "
                    + "such as 'CN=client, O=Contoso': " + raw);
        }
    }

    /** A name claim; an empty one is refused rather than dropped, which would widen the identity. */
    private static String text(PolicyElement element, ValueReader reader, String attribute)
            throws PolicyCompileException {
        String raw = reader.literal(element, attribute);
        if (raw != null && raw.isBlank()) {
            throw new PolicyCompileException(element, "attribute '" + attribute + "' is empty");
        }
        return raw == null ? null : raw.trim();
    }
}
