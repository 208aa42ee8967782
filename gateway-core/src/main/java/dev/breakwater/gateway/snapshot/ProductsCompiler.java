package dev.breakwater.gateway.snapshot;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.ProductDefinition;
import dev.breakwater.gateway.policy.Scope;
import dev.breakwater.gateway.policy.compile.CompiledScope;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.ScopeCompiler;
import dev.breakwater.gateway.subscription.Product;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the products of a document and compiles each one's policy once (product scope). Which
 * products hold an API, and the open product whose scope applies to its calls without a key, are
 * answered per API for {@link ApiCompiler}.
 */
final class ProductsCompiler {

    /** A product with its compiled policy ({@code null}: it has none, so it adds nothing to pipelines). */
    record CompiledProduct(Product product, CompiledScope scope) {
    }

    private final Map<String, CompiledProduct> products;

    private ProductsCompiler(Map<String, CompiledProduct> products) {
        this.products = products;
    }

    static ProductsCompiler compile(List<ProductDefinition> definitions, Set<String> apiIds, ScopeCompiler scopes,
                                    SnapshotCompiler documents) throws ConfigException {
        Map<String, CompiledProduct> products = new LinkedHashMap<>();
        for (int i = 0; i < definitions.size(); i++) {
            ProductDefinition definition = definitions.get(i);
            String where = "products[" + i + "]" + (definition.id() == null ? "" : " '" + definition.id() + "'");
            Definitions.checkId(definition.id(), where);
            if (products.containsKey(definition.id())) {
                throw new ConfigException(where + ": id is used by another product");
            }
            if (definition.state() != null && !definition.published()
                    && !ProductDefinition.NOT_PUBLISHED.equals(definition.state())) {
                throw new ConfigException(where + ": state must be '" + ProductDefinition.PUBLISHED + "' or '"
                        + ProductDefinition.NOT_PUBLISHED + "', not '" + definition.state() + "'");
            }
            if (definition.subscriptionsLimit() != null && definition.subscriptionsLimit() < 0) {
                throw new ConfigException(where + ": subscriptionsLimit must not be negative");
            }
            Set<String> apis = new LinkedHashSet<>();
            for (String api : definition.apis()) {
                if (!apiIds.contains(api)) {
                    throw new ConfigException(where + ".apis: no API '" + api + "' in the document");
                }
                if (!apis.add(api)) {
                    throw new ConfigException(where + ".apis: API '" + api + "' is listed twice");
                }
            }
            Product product = new Product(definition.id(),
                    definition.displayName() == null ? definition.id() : definition.displayName(),
                    definition.description(), definition.published(), definition.requiresSubscription(),
                    Boolean.TRUE.equals(definition.approvalRequired()), definition.subscriptionsLimit(), apis,
                    definition.groups());
            CompiledScope scope = null;
            if (definition.policy() != null) {
                try {
                    scope = scopes.compile(documents.policy(definition.policy(), where + ".policy"), Scope.PRODUCT,
                            definition.id(), "product '" + definition.id() + "' policy");
                } catch (PolicyCompileException e) {
                    throw new ConfigException(e.getMessage());
                }
            }
            products.put(definition.id(), new CompiledProduct(product, scope));
        }
        return new ProductsCompiler(Map.copyOf(products));
    }

    Product product(String id) {
        CompiledProduct compiled = products.get(id);
        return compiled == null ? null : compiled.product();
    }

    /** The products holding this API, in document order of no importance. */
    List<CompiledProduct> holding(String apiId) {
        List<CompiledProduct> holding = new ArrayList<>();
        for (CompiledProduct compiled : products.values()) {
            if (compiled.product().apiIds().contains(apiId)) {
                holding.add(compiled);
            }
        }
        return holding;
    }

    /**
     * The published open product holding this API, whose scope applies to calls without a key; {@code null}
     * when none. Two would leave it undecided whose policy applies, so the document is refused.
     */
    Product openProductOf(String apiId, String where) throws ConfigException {
        Product open = null;
        for (CompiledProduct compiled : holding(apiId)) {
            Product product = compiled.product();
            if (product.published() && !product.subscriptionRequired()) {
                if (open != null) {
                    throw new ConfigException(where + ": the API is in two published products that require no "
                            + "subscription ('" + open.id() + "' and '" + product.id() + "'); a call without a key "
                            + "could not tell whose policy applies, so an API may be in at most one");
                }
                open = product;
            }
        }
        return open;
    }
}
