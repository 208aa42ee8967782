package dev.breakwater.management.store;

import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.OperationDefinition;
import dev.breakwater.management.model.GatewayDefinition;
import dev.breakwater.management.model.ManagementDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    public static ApiDefinition existingApi(ManagementDocument document, String apiId) throws MissingException {
        return api(document, apiId).orElseThrow(() -> new MissingException("no API '" + apiId + "'"));
    }

    public static GatewayDefinition existingGateway(ManagementDocument document, String gatewayId) throws MissingException {
        return gateway(document, gatewayId).orElseThrow(() -> new MissingException("no gateway '" + gatewayId + "'"));
    }

    public static OperationDefinition existingOperation(ApiDefinition api, String operationId) throws MissingException {
        return api.operations().stream().filter(operation -> operationId.equals(operation.id())).findFirst()
                .orElseThrow(() -> new MissingException("no operation '" + operationId + "' in API '" + api.id() + "'"));
    }

    public static ManagementDocument withApi(ManagementDocument document, ApiDefinition api) {
        return new ManagementDocument(document.revision(), document.policy(),
                replaceOrAdd(document.apis(), api, existing -> existing.id().equals(api.id())), document.gateways());
    }

    /** Removes an API and its assignments to gateways. */
    public static ManagementDocument withoutApi(ManagementDocument document, String apiId) {
        List<ApiDefinition> apis = new ArrayList<>(document.apis());
        apis.removeIf(api -> api.id().equals(apiId));
        List<GatewayDefinition> gateways = document.gateways().stream().map(gateway -> new GatewayDefinition(
                gateway.id(), gateway.description(), gateway.apis().stream().filter(id -> !id.equals(apiId)).toList()))
                .toList();
        return new ManagementDocument(document.revision(), document.policy(), apis, gateways);
    }

    public static ManagementDocument withGlobalPolicy(ManagementDocument document, String policy) {
        return new ManagementDocument(document.revision(), policy, document.apis(), document.gateways());
    }

    public static ManagementDocument withGateway(ManagementDocument document, GatewayDefinition gateway) {
        return new ManagementDocument(document.revision(), document.policy(), document.apis(),
                replaceOrAdd(document.gateways(), gateway, existing -> existing.id().equals(gateway.id())));
    }

    public static ManagementDocument withoutGateway(ManagementDocument document, String gatewayId) {
        List<GatewayDefinition> gateways = new ArrayList<>(document.gateways());
        gateways.removeIf(gateway -> gateway.id().equals(gatewayId));
        return new ManagementDocument(document.revision(), document.policy(), document.apis(), gateways);
    }

    public static ApiDefinition withOperation(ApiDefinition api, OperationDefinition operation) {
        return withOperations(api, replaceOrAdd(api.operations(), operation, existing -> existing.id().equals(operation.id())));
    }

    public static ApiDefinition withoutOperation(ApiDefinition api, String operationId) {
        List<OperationDefinition> operations = new ArrayList<>(api.operations());
        operations.removeIf(operation -> operation.id().equals(operationId));
        return withOperations(api, operations);
    }

    public static ApiDefinition withOperations(ApiDefinition api, List<OperationDefinition> operations) {
        return new ApiDefinition(api.id(), api.displayName(), api.path(), api.serviceUrl(), api.subscriptionRequired(),
                api.hostnames(), api.policy(), operations);
    }

    public static ApiDefinition withPolicy(ApiDefinition api, String policy) {
        return new ApiDefinition(api.id(), api.displayName(), api.path(), api.serviceUrl(), api.subscriptionRequired(),
                api.hostnames(), policy, api.operations());
    }

    public static OperationDefinition withPolicy(OperationDefinition operation, String policy) {
        return new OperationDefinition(operation.id(), operation.displayName(), operation.method(),
                operation.urlTemplate(), policy);
    }


    private static <T> List<T> replaceOrAdd(List<T> list, T item, java.util.function.Predicate<T> same) {
        List<T> result = new ArrayList<>(list);
        for (int i = 0; i < result.size(); i++) {
            if (same.test(result.get(i))) {
                result.set(i, item);
                return result;
            }
        }
        result.add(item);
        return result;
    }
}
