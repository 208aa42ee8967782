package dev.breakwater.management.store;

import dev.breakwater.gateway.config.BackendDefinition;
import dev.breakwater.gateway.config.CertificateDefinition;
import dev.breakwater.gateway.config.NamedValueDefinition;
import dev.breakwater.gateway.config.SubscriptionDefinition;
import dev.breakwater.gateway.secrets.SecretCipher;
import dev.breakwater.gateway.secrets.SecretException;
import dev.breakwater.management.model.BackendCredentials;
import dev.breakwater.management.model.ManagementDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * Secret named values, backend credentials, certificates' key material and subscription keys as the
 * store keeps them: each value encrypted on its own with the store key, its place
 * ({@code named_values/<id>}, {@code backends/<id>/credentials}, {@code certificates/<id>/data|password|pem},
 * {@code subscriptions/<id>/primaryKey|secondaryKey}) as associated data, inside the revision's document;
 * the rest of the document stays readable. In memory, and to the gateways, values are in clear.
 */
final class SealedValues {

    private final SecretCipher cipher;

    SealedValues(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** The document to store: every secret value sealed. */
    ManagementDocument sealed(ManagementDocument document) {
        List<NamedValueDefinition> values = new ArrayList<>();
        for (NamedValueDefinition value : document.namedValues()) {
            values.add(value.isSecret() ? with(value, cipher.seal(value.value(), context(value.id()))) : value);
        }
        List<BackendDefinition> backends = new ArrayList<>();
        for (BackendDefinition backend : document.backends()) {
            String context = "backends/" + backend.id() + "/credentials";
            backends.add(BackendCredentials.mapValues(backend, value -> value == null ? null : cipher.seal(value, context)));
        }
        List<CertificateDefinition> certificates = new ArrayList<>();
        for (CertificateDefinition certificate : document.certificates()) {
            String place = "certificates/" + certificate.id() + "/";
            certificates.add(new CertificateDefinition(certificate.id(), seal(certificate.data(), place + "data"),
                    seal(certificate.password(), place + "password"), seal(certificate.pem(), place + "pem"),
                    certificate.thumbprint(), certificate.ca()));
        }
        List<SubscriptionDefinition> subscriptions = new ArrayList<>();
        for (SubscriptionDefinition subscription : document.subscriptions()) {
            String place = "subscriptions/" + subscription.id() + "/";
            subscriptions.add(subscription.withKeys(seal(subscription.primaryKey(), place + "primaryKey"),
                    seal(subscription.secondaryKey(), place + "secondaryKey")));
        }
        return document.withNamedValues(values).withBackends(backends).withCertificates(certificates)
                .withSubscriptions(subscriptions);
    }

    private String seal(String value, String context) {
        return value == null ? null : cipher.seal(value, context);
    }

    private String open(String value, String context) throws SecretException {
        return value == null ? null : cipher.open(value, context);
    }

    /**
     * The stored document with its secret values opened.
     *
     * @throws SecretException when one does not open with the store key
     */
    ManagementDocument opened(ManagementDocument stored) throws SecretException {
        List<NamedValueDefinition> values = new ArrayList<>();
        for (NamedValueDefinition value : stored.namedValues()) {
            values.add(value.isSecret() ? with(value, cipher.open(value.value(), context(value.id()))) : value);
        }
        List<BackendDefinition> backends = new ArrayList<>();
        for (BackendDefinition backend : stored.backends()) {
            String context = "backends/" + backend.id() + "/credentials";
            SecretException[] failure = new SecretException[1];
            backends.add(BackendCredentials.mapValues(backend, value -> {
                try {
                    return value == null ? null : cipher.open(value, context);
                } catch (SecretException e) {
                    failure[0] = e;
                    return null;
                }
            }));
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        List<CertificateDefinition> certificates = new ArrayList<>();
        for (CertificateDefinition certificate : stored.certificates()) {
            String place = "certificates/" + certificate.id() + "/";
            certificates.add(new CertificateDefinition(certificate.id(), open(certificate.data(), place + "data"),
                    open(certificate.password(), place + "password"), open(certificate.pem(), place + "pem"),
                    certificate.thumbprint(), certificate.ca()));
        }
        List<SubscriptionDefinition> subscriptions = new ArrayList<>();
        for (SubscriptionDefinition subscription : stored.subscriptions()) {
            String place = "subscriptions/" + subscription.id() + "/";
            subscriptions.add(subscription.withKeys(open(subscription.primaryKey(), place + "primaryKey"),
                    open(subscription.secondaryKey(), place + "secondaryKey")));
        }
        return stored.withNamedValues(values).withBackends(backends).withCertificates(certificates)
                .withSubscriptions(subscriptions);
    }

    private static NamedValueDefinition with(NamedValueDefinition value, String text) {
        return new NamedValueDefinition(value.id(), value.displayName(), text, value.secret());
    }

    private static String context(String id) {
        return "named_values/" + id;
    }
}
