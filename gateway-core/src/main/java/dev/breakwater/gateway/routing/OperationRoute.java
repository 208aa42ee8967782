package dev.breakwater.gateway.routing;

import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.RouteInfo;

/** A compiled operation: method, URL template, its effective pipeline, and what policies see of it. */
public record OperationRoute(String id, String method, UrlTemplate template, Pipeline pipeline, RouteInfo info) {
}
