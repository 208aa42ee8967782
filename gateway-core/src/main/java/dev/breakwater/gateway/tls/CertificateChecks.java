package dev.breakwater.gateway.tls;

import dev.breakwater.gateway.policy.runtime.ContextKey;

/**
 * What the gateway checks of a backend's TLS certificate: its chain up to a trusted CA, and that it
 * names the host the gateway connects to. Both by default; a backend entity's
 * {@code tls.validateCertificateChain} / {@code tls.validateCertificateName} (APIM's names) turn one
 * off for the requests routed to that backend only, for tests and private networks.
 */
public record CertificateChecks(boolean chain, boolean name) {

    /** Both checks: every backend without its own settings. */
    public static final CertificateChecks ALL = new CertificateChecks(true, true);

    /** The checks of the backend entity this request's forward goes to; absent means {@link #ALL}. */
    public static final ContextKey<CertificateChecks> KEY = new ContextKey<>("backend-certificate-checks",
            CertificateChecks.class);

    public boolean all() {
        return chain && name;
    }
}
