package dev.breakwater.gateway.certificate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The certificates of one configuration, by id and by thumbprint. Two ids may hold the same
 * certificate; by thumbprint, the first of them is found (they present the same in TLS).
 */
public final class Certificates {

    public static final Certificates NONE = new Certificates(List.of());

    private final Map<String, ClientCertificate> byId = new LinkedHashMap<>();
    private final Map<String, ClientCertificate> byThumbprint = new LinkedHashMap<>();

    public Certificates(List<ClientCertificate> certificates) {
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

    /** The ids, sorted, for messages. */
    public String ids() {
        return byId.isEmpty() ? "none is defined" : "defined: " + String.join(", ", new TreeSet<>(byId.keySet()));
    }
}
