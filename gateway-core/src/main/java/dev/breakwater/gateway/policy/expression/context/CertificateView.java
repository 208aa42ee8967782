package dev.breakwater.gateway.policy.expression.context;

import java.time.Instant;

/** The client certificate ({@code X509Certificate2} for expressions). */
public interface CertificateView {
    String subject();

    String issuer();

    /** Upper-case hex SHA-1 of the encoded certificate, as .NET shows it. */
    String thumbprint();

    String serialNumber();

    Instant notBefore();

    Instant notAfter();

    /** Whether the certificate chains to a trusted root (with revocation checks). */
    boolean verify();

    /** The DER encoding. */
    byte[] rawData();
}
