package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.RouteInfo;
import dev.breakwater.gateway.subscription.Caller;
import java.util.List;

/**
 * The key cache-lookup stores and finds a response under: the API, the operation, the request's path,
 * the developer and their groups where the policy varies by them, then the values of the vary-by query parameters and vary-by headers in the order the policy names
 * them (a query parameter the policy does not name does not change the key, as in APIM). Each part is
 * length-prefixed so that no value can run into the next and forge another key.
 */
final class ResponseCacheKey {

    private ResponseCacheKey() {
    }

    /**
     * Whether the key varies by developer: the subscription's owner (a subscription without one stands
     * for itself; a call without a subscription is one anonymous developer), and by that owner's groups.
     */
    record Developer(boolean byDeveloper, boolean byGroups) {
    }

    static String of(PolicyContext context, List<String> varyHeaders, List<String> varyQuery, Developer developer) {
        RouteInfo route = context.route();
        StringBuilder key = new StringBuilder(128);
        part(key, route == null ? "" : route.apiId());
        part(key, route == null ? "" : route.operationId());
        part(key, context.request().path());
        Caller caller = context.caller();
        if (developer.byDeveloper()) {
            key.append('d');
            part(key, caller.user() != null ? "user:" + caller.user().id()
                    : caller.subscriptionId() != null ? "subscription:" + caller.subscriptionId() : "");
        }
        if (developer.byGroups()) {
            key.append('g');
            List<String> groups = caller.user() == null ? List.of() : caller.user().groups().stream().sorted().toList();
            for (String group : groups) {
                part(key, group);
            }
        }
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
