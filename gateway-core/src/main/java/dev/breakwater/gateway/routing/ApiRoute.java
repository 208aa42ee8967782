package dev.breakwater.gateway.routing;

import dev.breakwater.gateway.backend.Backend;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.RouteInfo;
import dev.breakwater.gateway.policy.runtime.TemplateValues;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A compiled API: its path prefix, host names, backend, and operations (most specific
 * template first). An API without operations takes every method and path below its prefix.
 *
 * @param prefix     "" (the root) or "/segment[/segment...]"
 * @param hostnames  lower case; empty means any host
 * @param serviceUrl normalised backend base URL, or {@code null} when policies (or a pool) choose it
 * @param backend    the backend entity the serviceUrl names, or {@code null} for a plain URL
 * @param pipeline   the pipeline of an API without operations, else {@code null}
 * @param info       what policies see of an API without operations, else {@code null}
 * @param byProduct  for an API without operations, the pipeline of calls through each product whose policy adds
 *                   to it, by product id
 * @param access     who may call it (the subscription check)
 */
public record ApiRoute(String id, String prefix, Set<String> hostnames, String serviceUrl, Backend backend,
                       List<OperationRoute> operations, Pipeline pipeline, RouteInfo info,
                       Map<String, Pipeline> byProduct, ApiAccess access) {

    /** An API no product adds policies to, open to anyone. */
    public ApiRoute(String id, String prefix, Set<String> hostnames, String serviceUrl, Backend backend,
                    List<OperationRoute> operations, Pipeline pipeline, RouteInfo info) {
        this(id, prefix, hostnames, serviceUrl, backend, operations, pipeline, info, Map.of(), ApiAccess.OPEN);
    }

    /** An API whose backend is a plain URL. */
    public ApiRoute(String id, String prefix, Set<String> hostnames, String serviceUrl,
                    List<OperationRoute> operations, Pipeline pipeline, RouteInfo info) {
        this(id, prefix, hostnames, serviceUrl, null, operations, pipeline, info);
    }

    public ApiRoute {
        operations = operations.stream().sorted((a, b) -> a.template().compareTo(b.template())).toList();
        byProduct = Map.copyOf(byProduct);
    }

    public boolean servesHost(String host) {
        return hostnames.isEmpty() || (host != null && hostnames.contains(host.toLowerCase(Locale.ROOT)));
    }

    /** Finds the operation for a method and the raw path below the prefix, or {@code null}. */
    public RouteMatch match(String method, String remainder) {
        if (operations.isEmpty()) {
            return new RouteMatch(this, null, remainder, TemplateValues.NONE);
        }
        for (OperationRoute operation : operations) {
            if (operation.method().equals(method)) {
                String[] values = operation.template().match(remainder);
                if (values != null) {
                    TemplateValues templateValues = values.length == 0 ? TemplateValues.NONE
                            : new TemplateValues(operation.template().parameterNames(), values);
                    return new RouteMatch(this, operation, remainder, templateValues);
                }
            }
        }
        return null;
    }

    /**
     * Finds the route of a CORS preflight that no OPTIONS operation takes, so that the cors policies
     * above it answer (APIM answers preflights without an OPTIONS operation): the operation of the
     * method the preflight asks about, else the first (most specific) operation whose template matches
     * the path. Only a route whose pipeline answers preflights is returned; {@code null} otherwise.
     */
    public RouteMatch matchPreflight(String requestedMethod, String remainder) {
        RouteMatch match = match(requestedMethod, remainder);
        if (match == null) {
            for (OperationRoute operation : operations) {
                String[] values = operation.template().match(remainder);
                if (values != null) {
                    match = new RouteMatch(this, operation, remainder, values.length == 0 ? TemplateValues.NONE
                            : new TemplateValues(operation.template().parameterNames(), values));
                    break;
                }
            }
        }
        return match != null && match.pipeline().answersPreflights() ? match : null;
    }
}
