package dev.breakwater.management.model;

import java.time.Instant;

/**
 * A certificate as the admin API shows it, as APIM's certificate contract does: what identifies it,
 * never its key material or password.
 *
 * @param subject        the subject's distinguished name
 * @param thumbprint     SHA-1, upper-case hex
 * @param expirationDate when the certificate stops being valid
 * @param hasPrivateKey  whether it can authenticate the gateway (authentication-certificate needs one)
 * @param format         how it was given: {@code pkcs12} ({@code data}) or {@code pem}
 * @param ca             whether it is a CA certificate every gateway trusts for backends' TLS
 */
public record CertificateView(String id, String subject, String thumbprint, Instant expirationDate,
                              boolean hasPrivateKey, String format, boolean ca) {
}
