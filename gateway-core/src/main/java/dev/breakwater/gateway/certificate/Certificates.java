package dev.breakwater.gateway.certificate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The certificates of one configuration, by id and by thumbprint, and its CA certificates
 * ({@link #trusted()}). Two ids may hold the same certificate; by thumbprint, the first of them is
 * found (they present the same in TLS). A CA certificate is found here too, by its id: it has no
 * private key, so that no policy can present it.
 */
public final class Certificates {

    public static final Certificates NONE = new Certificates(List.of());

    private final Map<String, ClientCertificate> byId = new LinkedHashMap<>();
    private final Map<String, ClientCertificate> byThumbprint = new LinkedHashMap<>();
    private final TrustedCertificates trusted;

    public Certificates(List<ClientCertificate> certificates) {
        this(certificates, TrustedCertificates.NONE);
    }

    /** @param trusted the configuration's CA certificates (also among {@code certificates}) */
    public Certificates(List<ClientCertificate> certificates, TrustedCertificates trusted) {
        this.trusted = trusted;
        for (ClientCertificate certificate : certificates) {
            byId.put(certificate.id(), certificate);
            byThumbprint.putIfAbsent(certificate.thumbprint(), certificate);
        }
    }

    /** The certificate of this id, or {@code null}. */
    public ClientCertificate byId(String id) {
        return id == null ? null : byId.get(id);
    }

    /** The certificate of this thumbprint (any case, spaces or colons between bytes), or {@code null}. */
    public ClientCertificate byThumbprint(String thumbprint) {
        String normalized = Thumbprints.normalize(thumbprint);
        return normalized == null ? null : byThumbprint.get(normalized);
    }

    /** The configuration's CA certificates, trusted for backends' TLS. */
    public TrustedCertificates trusted() {
        return trusted;
    }

    /** The ids, sorted, for messages. */
    public String ids() {
        return byId.isEmpty() ? "none is defined" : "defined: " + String.join(", ", new TreeSet<>(byId.keySet()));
    }
}
