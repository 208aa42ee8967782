package dev.breakwater.management.store;

import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.BackendDefinition;
import dev.breakwater.gateway.config.ConfigDocument;
import dev.breakwater.gateway.config.FragmentDefinition;
import dev.breakwater.gateway.config.NamedValueDefinition;
import dev.breakwater.gateway.config.OperationDefinition;
import dev.breakwater.gateway.config.ProductDefinition;
import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.gateway.config.SubscriptionDefinition;
import dev.breakwater.gateway.config.UserDefinition;
import dev.breakwater.gateway.subscription.KeyHash;
import dev.breakwater.gateway.subscription.SubscriptionScope;
import dev.breakwater.management.model.BackendCredentials;
import dev.breakwater.management.model.GatewayDefinition;
import dev.breakwater.management.model.ManagementDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration document each gateway is served, as the exact bytes it will parse: the
 * global policy, the APIs assigned to it, the backends they use ({@link BackendReferences}), the
 * named values and fragments their policies and those backends reference ({@link PolicyReferences}),
 * and the certificates their policies reference ({@link CertificateReferences}; all of them where a
 * policy names one by expression) with every CA certificate ({@code "ca": true}, trusted for all
 * backends), at the document's revision: a gateway holds no secret named
 * value, backend credential or private key it does not use. Secret values are in clear here, for
 * the gateway that needs them, on the authenticated gateway API only. Products, subscriptions and
 * users: the products holding at least one of its APIs (their {@code apis} narrowed to its APIs), the
 * subscriptions to {@code /apis}, to one of its APIs or to one of those products, and the users
 * owning those; product policies count as policies for what is referenced. Subscription keys are
 * never served: each is replaced by its {@link KeyHash} under the store's one salt, so a gateway's
 * memory and backup hold nothing a caller could present. Rendered once per revision, when the revision is made, so
 * that answering a gateway (and waking the long polls of many) renders nothing. Gateways with
 * the same APIs share one rendering.
 */
final class ServedDocuments {

    private final StrictJson json;
    private final byte[] salt;

    /** @param salt the store's salt for subscription key hashes ({@link KeySalt}) */
    ServedDocuments(StrictJson json, byte[] salt) {
        this.json = json;
        this.salt = salt.clone();
    }

    /** The document with every API, named value and fragment, whatever the assignments and references. */
    byte[] everything(ManagementDocument document) {
        return json.write(new ConfigDocument(document.revision(), document.policy(), document.apis(),
                document.namedValues(), document.fragments(), document.backends(), document.certificates(),
                document.products(), document.subscriptions().stream().map(this::hashed).toList(), document.users()));
    }

    /** The subscription as gateways get it: its keys replaced by their hashes. */
    SubscriptionDefinition hashed(SubscriptionDefinition subscription) {
        return subscription.withKeyHashes(hash(subscription.primaryKey()), hash(subscription.secondaryKey()));
    }

    private String hash(String key) {
        return key == null ? null : KeyHash.of(key, salt).text();
    }

    /** Each gateway's document, by gateway id. */
    Map<String, byte[]> render(ManagementDocument document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.fragments().forEach(fragment -> fragments.putIfAbsent(fragment.id(), fragment));
        PolicyReferences references = new PolicyReferences(fragments);
        Map<List<ApiDefinition>, byte[]> byApis = new HashMap<>();
        Map<String, byte[]> served = new HashMap<>();
        for (GatewayDefinition gateway : document.gateways()) {
            List<ApiDefinition> apis = document.apis().stream().filter(api -> gateway.apis().contains(api.id())).toList();
            served.put(gateway.id(), byApis.computeIfAbsent(apis, assigned ->
                    json.write(servedWith(document, assigned, references))));
        }
        return Map.copyOf(served);
    }

    /** The document served with these APIs: only what their products, their policies and the global policy use. */
    private ConfigDocument servedWith(ManagementDocument document, List<ApiDefinition> apis,
                                      PolicyReferences references) {
        Set<String> apiIds = new HashSet<>();
        apis.forEach(api -> apiIds.add(api.id()));
        List<ProductDefinition> products = products(document, apiIds);
        Set<String> productIds = new HashSet<>();
        products.forEach(product -> productIds.add(product.id()));
        List<SubscriptionDefinition> subscriptions = document.subscriptions().stream().filter(subscription -> {
            SubscriptionScope scope = Scopes.scope(subscription.scope());
            return scope.allApis() || apiIds.contains(scope.apiId()) || productIds.contains(scope.productId());
        }).map(this::hashed).toList();
        Set<String> owners = new HashSet<>();
        subscriptions.forEach(subscription -> owners.add(Scopes.ownerUserId(subscription.ownerId())));
        List<UserDefinition> users = document.users().stream().filter(user -> owners.contains(user.id())).toList();
        List<String> policies = new ArrayList<>();
        policies.add(document.policy());
        products.forEach(product -> policies.add(product.policy()));
        for (ApiDefinition api : apis) {
            policies.add(api.policy());
            api.operations().stream().map(OperationDefinition::policy).forEach(policies::add);
        }
        List<FragmentDefinition> included = document.fragments().stream()
                .filter(fragment -> references.used(policies).fragments().contains(fragment.id())).toList();
        List<String> withFragments = new ArrayList<>(policies);
        included.forEach(fragment -> withFragments.add(fragment.policy()));
        List<BackendDefinition> backends = BackendReferences.used(document.backends(), apis, withFragments);
        List<String> withBackends = new ArrayList<>(policies);
        for (BackendDefinition backend : backends) { // named values in their URLs and credentials
            withBackends.add(backend.url());
            BackendCredentials.mapValues(backend, value -> {
                withBackends.add(value);
                return value;
            });
        }
        PolicyReferences.Used used = references.used(withBackends);
        List<NamedValueDefinition> namedValues = document.namedValues().stream()
                .filter(value -> value.referenceName() != null && used.namedValue(value.referenceName())).toList();
        CertificateReferences.Used certificates = CertificateReferences.of(withFragments);
        return new ConfigDocument(document.revision(), document.policy(), apis, namedValues, included, backends,
                document.certificates().stream()
                        .filter(certificate -> certificate.caCertificate() // trusted for every backend: all gateways get them
                                || certificates.uses(certificate.id(), certificate.thumbprint())).toList(),
                products, subscriptions, users);
    }

    /** The products holding at least one of these APIs, each with its {@code apis} narrowed to them. */
    private static List<ProductDefinition> products(ManagementDocument document, Set<String> apiIds) {
        List<ProductDefinition> products = new ArrayList<>();
        for (ProductDefinition product : document.products()) {
            List<String> held = product.apis().stream().filter(apiIds::contains).toList();
            if (!held.isEmpty()) {
                products.add(held.size() == product.apis().size() ? product : new ProductDefinition(product.id(),
                        product.displayName(), product.description(), product.subscriptionRequired(),
                        product.approvalRequired(), product.subscriptionsLimit(), product.state(), held,
                        product.policy(), product.groups()));
            }
        }
        return products;
    }
}
