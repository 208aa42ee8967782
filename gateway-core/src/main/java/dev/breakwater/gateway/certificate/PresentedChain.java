package dev.breakwater.gateway.certificate;

import dev.breakwater.gateway.policy.runtime.ContextKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certificate chain a client presented in the TLS handshake (its certificate first), as the
 * servlet container gives it in the request attribute {@value #SERVLET_ATTRIBUTE}: the runner's
 * listener and any container the WAR runs in alike. Absent from a request without one.
 */
public record PresentedChain(List<X509Certificate> chain) {

    /** The servlet API's attribute for the client's certificates. */
    public static final String SERVLET_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    public static final ContextKey<PresentedChain> KEY = new ContextKey<>("client-certificate", PresentedChain.class);

    public PresentedChain {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a presented chain has at least the client's certificate");
        }
        chain = List.copyOf(chain);
    }

    /** The chain of a servlet request's attribute, or {@code null} when the client presented none. */
    public static PresentedChain of(Object attribute) {
        if (attribute instanceof X509Certificate[] certificates && certificates.length > 0) {
            return new PresentedChain(List.of(certificates));
        }
        return null;
    }

    /** The client's own certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }
}
