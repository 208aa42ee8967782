package dev.breakwater.gateway.snapshot;

import dev.breakwater.gateway.backend.Backend;
import dev.breakwater.gateway.backend.Backends;
import dev.breakwater.gateway.backend.SingleBackend;
import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.OperationDefinition;
import dev.breakwater.gateway.config.SubscriptionKeyParameterNames;
import dev.breakwater.gateway.policy.builtin.HttpSyntax;
import dev.breakwater.gateway.policy.Scope;
import dev.breakwater.gateway.policy.compile.CompiledScope;
import dev.breakwater.gateway.policy.compile.PipelineComposer;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.ScopeCompiler;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.ResponseSamples;
import dev.breakwater.gateway.policy.runtime.RouteInfo;
import dev.breakwater.gateway.routing.ApiAccess;
import dev.breakwater.gateway.routing.ApiRoute;
import dev.breakwater.gateway.net.BackendUrls;
import dev.breakwater.gateway.routing.OperationRoute;
import dev.breakwater.gateway.routing.UrlTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles one API of a configuration: its definition checked, its policy document compiled once,
 * each operation's document once, and each route's pipeline composed from the global, API and
 * operation scopes.
 */
final class ApiCompiler {

    private static final List<String> PROTOCOLS = List.of("http", "https");

    private final SnapshotCompiler documents;
    private final ScopeCompiler scopes;
    private final PipelineComposer composer;
    private final CompiledScope global;
    private final Backends backends;
    private final ProductsCompiler products;

    ApiCompiler(SnapshotCompiler documents, ScopeCompiler scopes, PipelineComposer composer, CompiledScope global,
                Backends backends, ProductsCompiler products) {
        this.backends = backends;
        this.products = products;
        this.documents = documents;
        this.scopes = scopes;
        this.composer = composer;
        this.global = global;
    }

    ApiRoute compile(ApiDefinition api, String where) throws ConfigException {
        Definitions.checkId(api.id(), where);
        ApiAccess access = access(api, where);
        List<ProductsCompiler.CompiledProduct> withPolicies = products.holding(api.id()).stream()
                .filter(product -> product.scope() != null).toList();
        String prefix = Definitions.prefix(api.path(), where);
        Set<String> hostnames = Definitions.hostnames(api.hostnames(), where);
        String serviceUrl = null;
        Backend backend = backendNamed(api.serviceUrl());
        if (backend != null) {
            serviceUrl = backend instanceof SingleBackend single ? single.url() : null; // a pool's is chosen per request
        } else if (api.serviceUrl() != null) {
            try {
                serviceUrl = BackendUrls.normalize(api.serviceUrl());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ": serviceUrl " + e.getMessage());
            }
        }
        String name = api.displayName() == null ? api.id() : api.displayName();
        CompiledScope apiScope = scope(api.policy(), Scope.API, api.id(), "API '" + api.id() + "' policy",
                where + ".policy");
        if (api.operations().isEmpty()) {
            boolean hasBackend = serviceUrl != null || backend != null;
            Pipeline pipeline = pipeline(List.of(global, apiScope), Set.of(), hasBackend, where, "API '" + api.id() + "'");
            Map<String, Pipeline> byProduct = byProduct(withPolicies, List.of(apiScope), Set.of(), hasBackend, where,
                    "API '" + api.id() + "'");
            RouteInfo info = new RouteInfo(api.id(), name, prefix, serviceUrl, PROTOCOLS, null, null, null, null,
                    ResponseSamples.NONE, access.keyHeader(), access.keyQuery());
            return new ApiRoute(api.id(), prefix, hostnames, serviceUrl, backend, List.of(), pipeline, info, byProduct,
                    access);
        }
        List<OperationRoute> operations = new ArrayList<>();
        Map<String, String> shapes = new HashMap<>();
        Set<String> operationIds = new HashSet<>();
        for (int j = 0; j < api.operations().size(); j++) {
            OperationDefinition operation = api.operations().get(j);
            String opWhere = where + ".operations[" + j + "]" + (operation.id() == null ? "" : " '" + operation.id() + "'");
            Definitions.checkId(operation.id(), opWhere);
            if (!operationIds.add(operation.id())) {
                throw new ConfigException(opWhere + ": id is used by another operation of this API");
            }
            String method = Definitions.method(operation.method(), opWhere);
            UrlTemplate template = Definitions.template(operation.urlTemplate(), opWhere);
            String clash = shapes.put(method + " " + template.shape(), operation.id());
            if (clash != null) {
                throw new ConfigException(opWhere + ": " + method + " " + template.text()
                        + " matches the same requests as operation '" + clash + "'");
            }
            String owner = api.id() + "/" + operation.id();
            CompiledScope operationScope = scope(operation.policy(), Scope.OPERATION, owner,
                    "operation '" + owner + "' policy", opWhere + ".policy");
            Set<String> parameters = new LinkedHashSet<>(template.parameterNames());
            boolean hasBackend = serviceUrl != null || backend != null;
            Pipeline pipeline = pipeline(List.of(global, apiScope, operationScope), parameters, hasBackend, opWhere,
                    "operation '" + owner + "'");
            Map<String, Pipeline> byProduct = byProduct(withPolicies, List.of(apiScope, operationScope), parameters,
                    hasBackend, opWhere, "operation '" + owner + "'");
            RouteInfo info = new RouteInfo(api.id(), name, prefix, serviceUrl, PROTOCOLS, operation.id(),
                    operation.displayName() == null ? operation.id() : operation.displayName(), method, template.text(),
                    ResponseDefinitions.samples(operation, opWhere), access.keyHeader(), access.keyQuery());
            operations.add(new OperationRoute(operation.id(), method, template, pipeline, byProduct, info));
        }
        return new ApiRoute(api.id(), prefix, hostnames, serviceUrl, backend, operations, null, null, Map.of(), access);
    }

    /** Who may call the API: its subscription setting, where the key goes, its open product. */
    private ApiAccess access(ApiDefinition api, String where) throws ConfigException {
        SubscriptionKeyParameterNames names = api.subscriptionKeyParameterNames() == null
                ? SubscriptionKeyParameterNames.DEFAULTS : api.subscriptionKeyParameterNames();
        String problem = HttpSyntax.headerNameProblem(names.headerName());
        if (problem != null) {
            throw new ConfigException(where + ".subscriptionKeyParameterNames.header: " + problem);
        }
        if (names.queryName().isBlank()) {
            throw new ConfigException(where + ".subscriptionKeyParameterNames.query must not be empty");
        }
        return new ApiAccess(api.requiresSubscription(), names.headerName(), names.queryName(),
                products.openProductOf(api.id(), where));
    }

    /**
     * The backend an API's serviceUrl names by id (APIM lets an API's backend be a backend entity),
     * or {@code null} when it is a URL or absent.
     */
    private Backend backendNamed(String serviceUrl) {
        return serviceUrl == null || serviceUrl.contains(":") ? null : backends.get(serviceUrl.trim());
    }

    private CompiledScope scope(String policy, Scope scope, String owner, String label, String where)
            throws ConfigException {
        try {
            return scopes.compile(documents.policy(policy, where), scope, owner, label);
        } catch (PolicyCompileException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /**
     * The pipelines of calls through each product with a policy: the product scope goes between the global
     * scope and {@code below} (the API's, and the operation's if any), by product id.
     */
    private Map<String, Pipeline> byProduct(List<ProductsCompiler.CompiledProduct> withPolicies,
                                            List<CompiledScope> below, Set<String> parameters, boolean hasBackend,
                                            String where, String route) throws ConfigException {
        Map<String, Pipeline> byProduct = new HashMap<>();
        for (ProductsCompiler.CompiledProduct product : withPolicies) {
            List<CompiledScope> scopesOfRoute = new ArrayList<>(List.of(global, product.scope()));
            scopesOfRoute.addAll(below);
            byProduct.put(product.product().id(), pipeline(scopesOfRoute, parameters, hasBackend, where,
                    route + " in product '" + product.product().id() + "'"));
        }
        return byProduct;
    }

    private Pipeline pipeline(List<CompiledScope> scopesOfRoute, Set<String> parameters, boolean hasBackend,
                              String where, String route) throws ConfigException {
        Pipeline pipeline;
        try {
            pipeline = composer.compose(scopesOfRoute, parameters, route);
        } catch (PolicyCompileException e) {
            throw new ConfigException(e.getMessage());
        }
        if (!hasBackend && pipeline.forwards() && !pipeline.setsBackend()) {
            throw new ConfigException(where + ": no serviceUrl and no <set-backend-service> policy; "
                    + "requests would have nowhere to go");
        }
        return pipeline;
    }
}
