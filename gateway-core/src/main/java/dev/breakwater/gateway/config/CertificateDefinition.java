package dev.breakwater.gateway.config;

/**
 * A certificate policies present to backends ({@code authentication-certificate}), as APIM's
 * certificate contract takes it, or as PEM text. Exactly one of {@code data} and {@code pem}. With
 * {@code "ca": true} it is a CA certificate instead (APIM's CA certificates of a self-hosted
 * gateway): {@code pem} holds only {@code CERTIFICATE} blocks, and the gateway trusts them for
 * backends' TLS; a management plane serves these to every gateway.
 *
 * @param data       base64 of a PKCS#12 file (.pfx) with the certificate, its chain and private key
 * @param password   the password of {@code data}; none when absent
 * @param pem        PEM text: {@code CERTIFICATE} blocks and an unencrypted {@code PRIVATE KEY} (PKCS#8)
 *                   or {@code RSA PRIVATE KEY}
 * @param thumbprint optional: the SHA-1 thumbprint the certificate must have (a check, and what an
 *                   export without the secret parts still shows)
 * @param ca         {@code true}: a trusted CA certificate; absent or {@code false}: a client certificate
 */
public record CertificateDefinition(String id, String data, String password, String pem, String thumbprint,
                                    Boolean ca) {

    /** A certificate that is not marked as a CA. */
    public CertificateDefinition(String id, String data, String password, String pem, String thumbprint) {
        this(id, data, password, pem, thumbprint, null);
    }

    /** The same certificate without its secret parts (the key material and the password). */
    public CertificateDefinition withoutSecrets() {
        return new CertificateDefinition(id, null, null, null, thumbprint, ca);
    }

    /** Whether it is a CA certificate the gateway trusts for backends (not named isCa: JSON would show it twice). */
    public boolean caCertificate() {
        return Boolean.TRUE.equals(ca);
    }

    /** Whether it carries key material (else it names a certificate stored elsewhere, by id and thumbprint). */
    public boolean hasMaterial() {
        return data != null || pem != null;
    }

    @Override
    public String toString() {
        return "certificate '" + id + "'"; // never the data, the key or the password
    }
}
