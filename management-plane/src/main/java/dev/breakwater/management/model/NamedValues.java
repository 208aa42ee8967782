package dev.breakwater.management.model;

import dev.breakwater.gateway.config.CertificateDefinition;
import dev.breakwater.gateway.config.NamedValueDefinition;
import java.util.List;

/**
 * Named values as the admin API shows them: a secret one without its value, but still marked
 * {@code secret: true}. Only {@code POST /admin/namedValues/{id}/listValue} reads a secret back.
 */
public final class NamedValues {

    private NamedValues() {
    }

    public static NamedValueDefinition shown(NamedValueDefinition value) {
        return value.isSecret() ? new NamedValueDefinition(value.id(), value.displayName(), null, true) : value;
    }

    public static List<NamedValueDefinition> shown(List<NamedValueDefinition> values) {
        return values.stream().map(NamedValues::shown).toList();
    }

    /**
     * The document as {@code GET /admin/config} exports it: secret values, backend credentials,
     * certificates' key material and passwords (a certificate shows its id and thumbprint) and
     * subscription keys left out.
     */
    public static ManagementDocument exported(ManagementDocument document) {
        return document.withNamedValues(shown(document.namedValues()))
                .withBackends(BackendCredentials.shown(document.backends()))
                .withCertificates(document.certificates().stream().map(CertificateDefinition::withoutSecrets).toList())
                .withSubscriptions(SubscriptionKeys.shown(document.subscriptions()));
    }
}
