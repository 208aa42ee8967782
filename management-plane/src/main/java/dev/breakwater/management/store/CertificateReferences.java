package dev.breakwater.management.store;

import dev.breakwater.gateway.certificate.Thumbprints;
import java.util.HashSet;
import java.util.Set;

/**
 * The certificates policy documents reference, found in their text: {@code authentication-certificate}
 * elements with a constant {@code certificate-id} or {@code thumbprint}, and {@code <key certificate-id>}
 * elements (validate-jwt's and validate-azure-ad-token's signing and decryption keys). Where a reference is not a
 * constant (a policy expression or a named value, resolved only later) or an element cannot be read
 * here, every certificate may be needed: it errs towards serving a certificate no policy uses, never
 * away from one a policy names at run time (which a check of the served document would not catch).
 */
final class CertificateReferences {

    /**
     * @param all         whether every certificate may be needed
     * @param ids         the ids named as constants
     * @param thumbprints the thumbprints named as constants, normalised
     */
    record Used(boolean all, Set<String> ids, Set<String> thumbprints) {

        boolean uses(String id, String thumbprint) {
            return all || ids.contains(id) || (thumbprint != null && thumbprints.contains(thumbprint));
        }
    }

    private CertificateReferences() {
    }

    /** What the policies ({@code null} ones ignored) reference. */
    static Used of(Iterable<String> policies) {
        ConstantAttributes.Found found = ConstantAttributes.scan(policies, "authentication-certificate",
                Set.of("certificate-id", "thumbprint"));
        ConstantAttributes.Found keys = ConstantAttributes.scan(policies, "key", Set.of("certificate-id"));
        if (found.all() || keys.all()) {
            return new Used(true, Set.of(), Set.of());
        }
        Set<String> thumbprints = new HashSet<>();
        for (String thumbprint : found.of("thumbprint")) {
            String normalized = Thumbprints.normalize(thumbprint);
            if (normalized != null) {
                thumbprints.add(normalized);
            }
        }
        Set<String> ids = new HashSet<>(found.of("certificate-id"));
        ids.addAll(keys.of("certificate-id"));
        return new Used(false, Set.copyOf(ids), Set.copyOf(thumbprints));
    }
}
