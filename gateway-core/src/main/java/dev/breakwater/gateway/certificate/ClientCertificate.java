package dev.breakwater.gateway.certificate;

import dev.breakwater.gateway.policy.runtime.ContextKey;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A certificate the gateway can present to backends ({@code authentication-certificate}): the
 * certificate with its chain and, for a client certificate, its private key, read once when the
 * configuration is compiled. Its {@link #toString()} never shows the key.
 */
public final class ClientCertificate {

    /**
     * The certificate authentication-certificate chose for this request's backend calls; the proxy
     * sends them over TLS presenting it.
     */
    public static final ContextKey<ClientCertificate> FOR_BACKEND =
            new ContextKey<>("authentication-certificate", ClientCertificate.class);

    private final String id;
    private final List<X509Certificate> chain;
    private final PrivateKey key;
    private final String thumbprint;
    private final String identity;

    /**
     * @param id    the certificate's id in the configuration, or {@code null} (one a policy's body gave)
     * @param chain the certificate first, then the certificates that issued it, in order
     * @param key   its private key, or {@code null} for a certificate without one
     */
    public ClientCertificate(String id, List<X509Certificate> chain, PrivateKey key) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain has at least the certificate");
        }
        this.id = id;
        this.chain = List.copyOf(chain);
        this.key = key;
        this.thumbprint = Thumbprints.of(chain.get(0));
        // what TLS presents: the same chain read from PKCS#12 or PEM is the same identity
        this.identity = chain.stream().map(Thumbprints::of).collect(Collectors.joining(","));
    }

    /** The id in the configuration, or {@code null}. */
    public String id() {
        return id;
    }

    /** The SHA-1 thumbprint of the certificate, upper-case hex, as APIM shows it. */
    public String thumbprint() {
        return thumbprint;
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    /** The subject's distinguished name, e.g. {@code CN=orders-client, O=Contoso}. */
    public String subject() {
        return certificate().getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253);
    }

    public Instant expires() {
        return certificate().getNotAfter().toInstant();
    }

    public boolean hasPrivateKey() {
        return key != null;
    }

    /** The private key, or {@code null}; only for the TLS context that presents it. */
    public PrivateKey privateKey() {
        return key;
    }

    /** The thumbprints of the whole chain: certificates that present the same in TLS share it. */
    public String identity() {
        return identity;
    }

    @Override
    public String toString() {
        return "certificate " + thumbprint + (id == null ? "" : " '" + id + "'");
    }
}
