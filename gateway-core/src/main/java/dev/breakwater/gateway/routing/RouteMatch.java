package dev.breakwater.gateway.routing;

import dev.breakwater.gateway.subscription.Product;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.RouteInfo;
import dev.breakwater.gateway.policy.runtime.TemplateValues;

/**
 * Where a request goes: the API, the operation ({@code null} for an API without operations),
 * the raw path below the API's prefix and the template parameter values.
 */
public record RouteMatch(ApiRoute api, OperationRoute operation, String remainder, TemplateValues templateValues) {

    /** The pipeline that serves the request. */
    public Pipeline pipeline() {
        return operation == null ? api.pipeline() : operation.pipeline();
    }

    /**
     * The pipeline of a call through {@code product} (global, product, API and operation scopes), or
     * {@link #pipeline()} without one, or when the product's policy adds nothing.
     */
    public Pipeline pipelineFor(Product product) {
        if (product == null) {
            return pipeline();
        }
        Pipeline withProduct = (operation == null ? api.byProduct() : operation.byProduct()).get(product.id());
        return withProduct == null ? pipeline() : withProduct;
    }

    /** What policies see of the match ({@code context.Api}, {@code context.Operation}). */
    public RouteInfo info() {
        return operation == null ? api.info() : operation.info();
    }
}
