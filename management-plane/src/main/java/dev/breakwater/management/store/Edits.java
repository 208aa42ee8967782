package dev.breakwater.management.store;

import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.BackendDefinition;
import dev.breakwater.gateway.config.CertificateDefinition;
import dev.breakwater.gateway.config.FragmentDefinition;
import dev.breakwater.gateway.config.NamedValueDefinition;
import dev.breakwater.gateway.config.OperationDefinition;
import dev.breakwater.management.model.GatewayDefinition;
import dev.breakwater.management.model.ManagementDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Edits of the management document, as functions from one immutable document to the next,
 * for {@link ConfigStore#change}. Order is kept: a replaced entry stays where it was.
 */
public final class Edits {

    private Edits() {
    }

    public static Optional<ApiDefinition> api(ManagementDocument document, String apiId) {
        return document.apis().stream().filter(api -> apiId.equals(api.id())).findFirst();
    }

    public static Optional<GatewayDefinition> gateway(ManagementDocument document, String gatewayId) {
        return document.gateways().stream().filter(gateway -> gatewayId.equals(gateway.id())).findFirst();
    }

    public static Optional<NamedValueDefinition> namedValue(ManagementDocument document, String id) {
        return document.namedValues().stream().filter(value -> id.equals(value.id())).findFirst();
    }

    public static Optional<FragmentDefinition> fragment(ManagementDocument document, String id) {
        return document.fragments().stream().filter(fragment -> id.equals(fragment.id())).findFirst();
    }

    public static Optional<BackendDefinition> backend(ManagementDocument document, String id) {
        return document.backends().stream().filter(backend -> id.equals(backend.id())).findFirst();
    }

    public static BackendDefinition existingBackend(ManagementDocument document, String id) throws MissingException {
        return backend(document, id).orElseThrow(() -> new MissingException("no backend '" + id + "'"));
    }

    public static ManagementDocument withBackend(ManagementDocument document, BackendDefinition backend) {
        return document.withBackends(replaceOrAdd(document.backends(), backend, BackendDefinition::id));
    }

    public static ManagementDocument withoutBackend(ManagementDocument document, String id) {
        return document.withBackends(without(document.backends(), id, BackendDefinition::id));
    }

    public static Optional<CertificateDefinition> certificate(ManagementDocument document, String id) {
        return document.certificates().stream().filter(certificate -> id.equals(certificate.id())).findFirst();
    }

    public static CertificateDefinition existingCertificate(ManagementDocument document, String id)
            throws MissingException {
        return certificate(document, id).orElseThrow(() -> new MissingException("no certificate '" + id + "'"));
    }

    public static ManagementDocument withCertificate(ManagementDocument document, CertificateDefinition certificate) {
        return document.withCertificates(replaceOrAdd(document.certificates(), certificate, CertificateDefinition::id));
    }

    public static ManagementDocument withoutCertificate(ManagementDocument document, String id) {
        return document.withCertificates(without(document.certificates(), id, CertificateDefinition::id));
    }

    public static ApiDefinition existingApi(ManagementDocument document, String apiId) throws MissingException {
        return api(document, apiId).orElseThrow(() -> new MissingException("no API '" + apiId + "'"));
    }

    public static GatewayDefinition existingGateway(ManagementDocument document, String gatewayId) throws MissingException {
        return gateway(document, gatewayId).orElseThrow(() -> new MissingException("no gateway '" + gatewayId + "'"));
    }

    public static NamedValueDefinition existingNamedValue(ManagementDocument document, String id) throws MissingException {
        return namedValue(document, id).orElseThrow(() -> new MissingException("no named value '" + id + "'"));
    }

    public static FragmentDefinition existingFragment(ManagementDocument document, String id) throws MissingException {
        return fragment(document, id).orElseThrow(() -> new MissingException("no fragment '" + id + "'"));
    }

    public static OperationDefinition existingOperation(ApiDefinition api, String operationId) throws MissingException {
        return api.operations().stream().filter(operation -> operationId.equals(operation.id())).findFirst()
                .orElseThrow(() -> new MissingException("no operation '" + operationId + "' in API '" + api.id() + "'"));
    }

    public static ManagementDocument withApi(ManagementDocument document, ApiDefinition api) {
        return document.withApis(replaceOrAdd(document.apis(), api, ApiDefinition::id));
    }

    /**
     * Removes an API, its assignments to gateways and its place in products. Subscriptions scoped to
     * the API alone are deleted too when {@code deleteSubscriptions}, else they make the deletion fail.
     *
     * @throws InUseException when subscriptions are scoped to it and may not be deleted
     */
    public static ManagementDocument withoutApi(ManagementDocument document, String apiId, boolean deleteSubscriptions)
            throws InUseException {
        List<GatewayDefinition> gateways = document.gateways().stream().map(gateway -> new GatewayDefinition(
                gateway.id(), gateway.description(), gateway.apis().stream().filter(id -> !id.equals(apiId)).toList()))
                .toList();
        ManagementDocument withoutSubscriptions = SubscriptionEdits.withoutSubscriptionsOf(document,
                subscription -> apiId.equals(Scopes.scope(subscription.scope()).apiId()), deleteSubscriptions,
                "API '" + apiId + "'");
        return SubscriptionEdits.withoutApiInProducts(withoutSubscriptions, apiId)
                .withApis(without(document.apis(), apiId, ApiDefinition::id)).withGateways(gateways);
    }

    public static ManagementDocument withGlobalPolicy(ManagementDocument document, String policy) {
        return document.withPolicy(policy);
    }

    public static ManagementDocument withGateway(ManagementDocument document, GatewayDefinition gateway) {
        return document.withGateways(replaceOrAdd(document.gateways(), gateway, GatewayDefinition::id));
    }

    public static ManagementDocument withoutGateway(ManagementDocument document, String gatewayId) {
        return document.withGateways(without(document.gateways(), gatewayId, GatewayDefinition::id));
    }

    public static ManagementDocument withNamedValue(ManagementDocument document, NamedValueDefinition value) {
        return document.withNamedValues(replaceOrAdd(document.namedValues(), value, NamedValueDefinition::id));
    }

    public static ManagementDocument withoutNamedValue(ManagementDocument document, String id) {
        return document.withNamedValues(without(document.namedValues(), id, NamedValueDefinition::id));
    }

    public static ManagementDocument withFragment(ManagementDocument document, FragmentDefinition fragment) {
        return document.withFragments(replaceOrAdd(document.fragments(), fragment, FragmentDefinition::id));
    }

    public static ManagementDocument withoutFragment(ManagementDocument document, String id) {
        return document.withFragments(without(document.fragments(), id, FragmentDefinition::id));
    }

    public static ApiDefinition withOperation(ApiDefinition api, OperationDefinition operation) {
        return withOperations(api, replaceOrAdd(api.operations(), operation, OperationDefinition::id));
    }

    public static ApiDefinition withoutOperation(ApiDefinition api, String operationId) {
        return withOperations(api, without(api.operations(), operationId, OperationDefinition::id));
    }

    public static ApiDefinition withOperations(ApiDefinition api, List<OperationDefinition> operations) {
        return new ApiDefinition(api.id(), api.displayName(), api.path(), api.serviceUrl(), api.subscriptionRequired(),
                api.hostnames(), api.policy(), operations, api.subscriptionKeyParameterNames());
    }

    public static ApiDefinition withPolicy(ApiDefinition api, String policy) {
        return new ApiDefinition(api.id(), api.displayName(), api.path(), api.serviceUrl(), api.subscriptionRequired(),
                api.hostnames(), policy, api.operations(), api.subscriptionKeyParameterNames());
    }

    public static OperationDefinition withPolicy(OperationDefinition operation, String policy) {
        return new OperationDefinition(operation.id(), operation.displayName(), operation.method(),
                operation.urlTemplate(), policy, operation.responses());
    }

    static <T> List<T> replaceOrAdd(List<T> list, T item, Function<T, String> id) {
        List<T> result = new ArrayList<>(list);
        for (int i = 0; i < result.size(); i++) {
            if (Objects.equals(id.apply(result.get(i)), id.apply(item))) {
                result.set(i, item);
                return result;
            }
        }
        result.add(item);
        return result;
    }

    static <T> List<T> without(List<T> list, String id, Function<T, String> idOf) {
        Predicate<T> same = item -> id.equals(idOf.apply(item));
        List<T> result = new ArrayList<>(list);
        result.removeIf(same);
        return result;
    }
}
