package dev.breakwater.gateway.routing;

import java.util.Map;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.RouteInfo;

/**
 * A compiled operation: method, URL template, its effective pipeline, and what policies see of it.
 *
 * @param pipeline  the pipeline of calls without a product (no subscription, or one scoped to the API or all APIs)
 * @param byProduct the pipeline of calls through each product holding the API whose policy adds to it, by product id
 */
public record OperationRoute(String id, String method, UrlTemplate template, Pipeline pipeline,
                             Map<String, Pipeline> byProduct, RouteInfo info) {

    public OperationRoute {
        byProduct = Map.copyOf(byProduct);
    }

    /** An operation no product adds policies to. */
    public OperationRoute(String id, String method, UrlTemplate template, Pipeline pipeline, RouteInfo info) {
        this(id, method, template, pipeline, Map.of(), info);
    }
}
