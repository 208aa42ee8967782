package dev.breakwater.gateway.routing;

import dev.breakwater.gateway.policy.Pipeline;

/** A compiled operation: method, URL template and its effective pipeline. */
public record OperationRoute(String id, String method, UrlTemplate template, Pipeline pipeline) {
}
