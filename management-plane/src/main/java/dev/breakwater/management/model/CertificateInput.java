package dev.breakwater.management.model;

import dev.breakwater.gateway.config.CertificateDefinition;
import java.time.Instant;

/**
 * The body of {@code PUT /admin/certificates/{id}}: a {@link CertificateDefinition}, or what a GET
 * showed ({@link CertificateView}): the fields a certificate's own data determines (subject,
 * expiration date, private key, format) are read-only and ignored, as APIM ignores read-only
 * properties, so that what a GET returned can be written back; its thumbprint is kept, and checked.
 */
public record CertificateInput(String id, String data, String password, String pem, String thumbprint,
                               String subject, Instant expirationDate, Boolean hasPrivateKey, String format,
                               Boolean ca) {

    /** The certificate as the configuration holds it, under the id of the path. */
    public CertificateDefinition definition(String pathId) {
        return new CertificateDefinition(pathId, data, password, pem, thumbprint, ca);
    }
}
