package dev.breakwater.gateway.config;

/**
 * A certificate policies present to backends ({@code authentication-certificate}), as APIM's
 * certificate contract takes it, or as PEM text. Exactly one of {@code data} and {@code pem}.
 *
 * @param data       base64 of a PKCS#12 file (.pfx) with the certificate, its chain and private key
 * @param password   the password of {@code data}; none when absent
 * @param pem        PEM text: {@code CERTIFICATE} blocks and an unencrypted {@code PRIVATE KEY} (PKCS#8)
 *                   or {@code RSA PRIVATE KEY}
 * @param thumbprint optional: the SHA-1 thumbprint the certificate must have (a check, and what an
 *                   export without the secret parts still shows)
 */
public record CertificateDefinition(String id, String data, String password, String pem, String thumbprint) {

    /** The same certificate without its secret parts (the key material and the password). */
    public CertificateDefinition withoutSecrets() {
        return new CertificateDefinition(id, null, null, null, thumbprint);
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
