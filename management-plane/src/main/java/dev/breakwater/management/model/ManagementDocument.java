package dev.breakwater.management.model;

import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.BackendDefinition;
import dev.breakwater.gateway.config.CertificateDefinition;
import dev.breakwater.gateway.config.FragmentDefinition;
import dev.breakwater.gateway.config.NamedValueDefinition;
import dev.breakwater.gateway.config.ProductDefinition;
import dev.breakwater.gateway.config.SubscriptionDefinition;
import dev.breakwater.gateway.config.UserDefinition;
import java.util.List;

/**
 * Everything the management plane holds, as one document: the global policy, every API with
 * its operations and policies, the named values, policy fragments, backends and certificates, the
 * products, subscriptions and users, and the gateways with their API assignments.
 * {@code GET /admin/config} exports it (secret values, certificates' key material and subscription
 * keys left out) and
 * {@code PUT /admin/config} replaces everything with it.
 *
 * @param revision assigned by the management plane; ignored on import
 */
public record ManagementDocument(long revision, String policy, List<ApiDefinition> apis,
                                 List<NamedValueDefinition> namedValues, List<FragmentDefinition> fragments,
                                 List<GatewayDefinition> gateways, List<BackendDefinition> backends,
                                 List<CertificateDefinition> certificates, List<ProductDefinition> products,
                                 List<SubscriptionDefinition> subscriptions, List<UserDefinition> users) {

    public ManagementDocument {
        apis = apis == null ? List.of() : List.copyOf(apis);
        namedValues = namedValues == null ? List.of() : List.copyOf(namedValues);
        fragments = fragments == null ? List.of() : List.copyOf(fragments);
        gateways = gateways == null ? List.of() : List.copyOf(gateways);
        backends = backends == null ? List.of() : List.copyOf(backends);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        products = products == null ? List.of() : List.copyOf(products);
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
        users = users == null ? List.of() : List.copyOf(users);
    }

    public static ManagementDocument empty() {
        return new ManagementDocument(0, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
    }

    public ManagementDocument withRevision(long next) {
        return new ManagementDocument(next, policy, apis, namedValues, fragments, gateways, backends, certificates,
                products, subscriptions, users);
    }

    public ManagementDocument withPolicy(String next) {
        return new ManagementDocument(revision, next, apis, namedValues, fragments, gateways, backends, certificates,
                products, subscriptions, users);
    }

    public ManagementDocument withApis(List<ApiDefinition> next) {
        return new ManagementDocument(revision, policy, next, namedValues, fragments, gateways, backends, certificates,
                products, subscriptions, users);
    }

    public ManagementDocument withNamedValues(List<NamedValueDefinition> next) {
        return new ManagementDocument(revision, policy, apis, next, fragments, gateways, backends, certificates,
                products, subscriptions, users);
    }

    public ManagementDocument withFragments(List<FragmentDefinition> next) {
        return new ManagementDocument(revision, policy, apis, namedValues, next, gateways, backends, certificates,
                products, subscriptions, users);
    }

    public ManagementDocument withBackends(List<BackendDefinition> next) {
        return new ManagementDocument(revision, policy, apis, namedValues, fragments, gateways, next, certificates,
                products, subscriptions, users);
    }

    public ManagementDocument withCertificates(List<CertificateDefinition> next) {
        return new ManagementDocument(revision, policy, apis, namedValues, fragments, gateways, backends, next,
                products, subscriptions, users);
    }

    public ManagementDocument withGateways(List<GatewayDefinition> next) {
        return new ManagementDocument(revision, policy, apis, namedValues, fragments, next, backends, certificates,
                products, subscriptions, users);
    }

    public ManagementDocument withProducts(List<ProductDefinition> next) {
        return new ManagementDocument(revision, policy, apis, namedValues, fragments, gateways, backends, certificates,
                next, subscriptions, users);
    }

    public ManagementDocument withSubscriptions(List<SubscriptionDefinition> next) {
        return new ManagementDocument(revision, policy, apis, namedValues, fragments, gateways, backends, certificates,
                products, next, users);
    }

    public ManagementDocument withUsers(List<UserDefinition> next) {
        return new ManagementDocument(revision, policy, apis, namedValues, fragments, gateways, backends, certificates,
                products, subscriptions, next);
    }
}
