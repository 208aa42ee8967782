package dev.breakwater.gateway.subscription;

import java.time.Instant;

/**
 * A compiled subscription: its scope resolved, its owner attached.
 *
 * @param product the product of a product-scoped subscription, else {@code null}
 * @param apiId   the API of an API-scoped subscription, else {@code null} ({@code null} with no product: all APIs)
 * @param owner   {@code null} when it names none
 */
public record Subscription(String id, String name, Product product, String apiId, boolean active, User owner,
                           boolean allowTracing, Instant createdDate, Instant startDate, Instant expirationDate) {

    /** Whether it lets a call to this API through at {@code now}. */
    public boolean opens(String api, Instant now) {
        if (!active || (owner != null && owner.blocked()) || (expirationDate != null && !now.isBefore(expirationDate))) {
            return false;
        }
        if (product != null) {
            return product.opens(api);
        }
        return apiId == null || apiId.equals(api);
    }
}
