package dev.breakwater.gateway.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * What an HTTPS listener serves, as operators may see it (status, logs): the alias in the key
 * store, the subject, the DNS names, the expiry. Nothing secret.
 */
public record ServedCertificate(String alias, String subject, List<String> dnsNames, Instant notAfter) {

    private static final int DNS_NAME = 2;

    static ServedCertificate of(String alias, X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> name : alternatives) {
                    if (name.size() == 2 && Integer.valueOf(DNS_NAME).equals(name.get(0))) {
                        names.add(String.valueOf(name.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // no names shown; Jetty's SNI matching reads the certificate itself
        }
        return new ServedCertificate(alias, certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                List.copyOf(names), certificate.getNotAfter().toInstant());
    }

    @Override
    public String toString() {
        return subject + " " + dnsNames + " until " + notAfter;
    }
}
