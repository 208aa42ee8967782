package dev.breakwater.gateway.routing;

import dev.breakwater.gateway.subscription.Product;

/**
 * Who may call an API, decided before its policies run: whether a key is required, where callers put
 * it, and the open product (if any) whose scope applies to calls without one.
 *
 * @param subscriptionRequired the API's own setting
 * @param keyHeader            the request header holding the key
 * @param keyQuery             the query parameter holding the key
 * @param openProduct          the published product holding this API that requires no subscription, or {@code null};
 *                             with one, a call without a key is let through with that product's scope
 */
public record ApiAccess(boolean subscriptionRequired, String keyHeader, String keyQuery, Product openProduct) {

    /** No key needed, none looked for: routes built without an access check (tests). */
    public static final ApiAccess OPEN = new ApiAccess(false, null, null, null);
}
