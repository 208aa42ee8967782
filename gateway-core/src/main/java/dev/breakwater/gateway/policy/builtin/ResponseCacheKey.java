package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.RouteInfo;
import java.util.List;

/**
 * The key cache-lookup stores and finds a response under: the API, the operation, the request's path,
 * then the values of the vary-by query parameters and vary-by headers in the order the policy names
 * them (a query parameter the policy does not name does not change the key, as in APIM). Each part is
 * length-prefixed so that no value can run into the next and forge another key.
 */
final class ResponseCacheKey {

    private ResponseCacheKey() {
    }

    static String of(PolicyContext context, List<String> varyHeaders, List<String> varyQuery) {
        RouteInfo route = context.route();
        StringBuilder key = new StringBuilder(128);
        part(key, route == null ? "" : route.apiId());
        part(key, route == null ? "" : route.operationId());
        part(key, context.request().path());
        for (String name : varyQuery) {
            key.append('q');
            part(key, name);
            for (String value : context.request().query().values(name)) {
                part(key, value);
            }
        }
        for (String name : varyHeaders) {
            key.append('h');
            part(key, name.toLowerCase(java.util.Locale.ROOT));
            for (String value : context.request().headers().all(name)) {
                part(key, value);
            }
        }
        return key.toString();
    }

    private static void part(StringBuilder key, String value) {
        String text = value == null ? "" : value;
        key.append(text.length()).append(':').append(text);
    }
}
