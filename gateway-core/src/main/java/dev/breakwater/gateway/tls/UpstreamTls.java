package dev.breakwater.gateway.tls;

import dev.breakwater.gateway.certificate.ClientCertificate;
import dev.breakwater.gateway.certificate.TrustedCertificates;

/**
 * How one call to a backend or a call-out speaks TLS: the configuration's CA certificates trusted
 * besides the gateway's own trust, the checks of the backend's certificate, and the client
 * certificate presented, if any. Calls with the same {@link #key()} may share connections; no
 * connection made under one key ever carries a call of another.
 *
 * @param trusted     the configuration's {@code ca} certificates
 * @param checks      what is checked of the backend's certificate
 * @param certificate the client certificate presented, or {@code null}
 */
public record UpstreamTls(TrustedCertificates trusted, CertificateChecks checks, ClientCertificate certificate) {

    /** The gateway's own trust, every check, no client certificate: the clients every gateway starts with. */
    public static final UpstreamTls PLAIN = new UpstreamTls(TrustedCertificates.NONE, CertificateChecks.ALL, null);

    public UpstreamTls {
        trusted = trusted == null ? TrustedCertificates.NONE : trusted;
        checks = checks == null ? CertificateChecks.ALL : checks;
    }

    /** Whether the gateway's first client serves it: nothing beyond the gateway's own settings. */
    public boolean isPlain() {
        return trusted.isEmpty() && checks.all() && certificate == null;
    }

    /** What tells TLS settings apart: the trusted set, the checks and the presented chain. */
    public String key() {
        return trusted.identity() + "|" + (checks.chain() ? "c" : "-") + (checks.name() ? "n" : "-") + "|"
                + (certificate == null ? "" : certificate.identity());
    }

    @Override
    public String toString() {
        return "TLS with " + trusted + (checks.chain() ? "" : ", chain not validated")
                + (checks.name() ? "" : ", name not checked") + (certificate == null ? "" : ", presenting " + certificate);
    }
}
