package dev.breakwater.gateway.certificate;

import dev.breakwater.gateway.policy.runtime.ContextKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The CA certificates of one configuration: the entries of {@code certificates} marked
 * {@code "ca": true}, as APIM's CA certificates of a self-hosted gateway. The gateway trusts them
 * for backends' TLS (forwarded requests and call-outs), besides the JVM's CAs and
 * {@code backend.tls.trust}; the configuration's snapshot holds them, so that whatever else checks
 * certificates against configured CAs reads them here. Two configurations with the same CA
 * certificates have the same {@link #identity()}, whatever their ids: TLS clients are kept by it.
 */
public final class TrustedCertificates {

    public static final TrustedCertificates NONE = new TrustedCertificates(Map.of());

    /** The CA certificates of the configuration the request runs in; absent means {@link #NONE}. */
    public static final ContextKey<TrustedCertificates> KEY = new ContextKey<>("trusted-certificates",
            TrustedCertificates.class);

    private final Map<String, List<X509Certificate>> byId;
    private final List<X509Certificate> all;
    private final String identity;

    /** @param byId each {@code ca} entry's certificates (a PEM bundle may hold several), by the entry's id */
    public TrustedCertificates(Map<String, List<X509Certificate>> byId) {
        this.byId = new LinkedHashMap<>();
        TreeSet<String> thumbprints = new TreeSet<>();
        List<X509Certificate> certificates = new ArrayList<>();
        for (Map.Entry<String, List<X509Certificate>> entry : byId.entrySet()) {
            this.byId.put(entry.getKey(), List.copyOf(entry.getValue()));
            for (X509Certificate certificate : entry.getValue()) {
                if (thumbprints.add(Thumbprints.of(certificate))) {
                    certificates.add(certificate);
                }
            }
        }
        this.all = List.copyOf(certificates);
        this.identity = String.join(",", thumbprints);
    }

    /** Every trusted certificate, each once. */
    public List<X509Certificate> certificates() {
        return all;
    }

    /** The certificates of one {@code ca} entry, or an empty list when no such entry exists. */
    public List<X509Certificate> byId(String id) {
        return id == null ? List.of() : byId.getOrDefault(id, List.of());
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** The sorted thumbprints: equal for equal sets of certificates. */
    public String identity() {
        return identity;
    }

    @Override
    public String toString() {
        return all.size() + " CA certificate(s)" + (byId.isEmpty() ? "" : " " + byId.keySet());
    }
}
