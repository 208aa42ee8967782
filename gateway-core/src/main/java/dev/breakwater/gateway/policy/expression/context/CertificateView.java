package dev.breakwater.gateway.policy.expression.context;

import java.time.Instant;

/**
 * The client certificate ({@code X509Certificate2} for expressions). The members with a default
 * are derived from the others, so that views made for tests need only the core ones.
 */
public interface CertificateView {
    /** The subject's distinguished name as .NET formats it: {@code CN=client, O=Org}. */
    String subject();

    String issuer();

    /** Upper-case hex SHA-1 of the encoded certificate, as .NET shows it. */
    String thumbprint();

    /** Upper-case hex of the serial number's bytes, as .NET shows it. */
    String serialNumber();

    Instant notBefore();

    Instant notAfter();

    /** Whether the certificate chains to a trusted root and is within its validity period. */
    boolean verify();

    /** The DER encoding. */
    byte[] rawData();

    /** APIM's extension method {@code VerifyNoRevocation()}: {@link #verify()}, which checks no revocation either. */
    default boolean verifyNoRevocation() {
        return verify();
    }

    /** The X.509 version (3 for every certificate made today). */
    default int version() {
        return 3;
    }

    /** {@code SubjectName}: the subject as an X500DistinguishedName. */
    default DistinguishedName subjectName() {
        return new DistinguishedName(subject());
    }

    /** {@code IssuerName}: the issuer as an X500DistinguishedName. */
    default DistinguishedName issuerName() {
        return new DistinguishedName(issuer());
    }

    /** .NET's {@code X500DistinguishedName}: only its {@code Name}. */
    record DistinguishedName(String name) {
    }
}
