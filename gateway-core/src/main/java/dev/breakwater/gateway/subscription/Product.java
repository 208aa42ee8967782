package dev.breakwater.gateway.subscription;

import java.util.List;
import java.util.Set;

/**
 * A compiled product: what routing needs (published, open, its APIs) and what {@code context.Product} shows.
 *
 * @param apiIds the ids of its APIs
 */
public record Product(String id, String name, String description, boolean published, boolean subscriptionRequired,
                      boolean approvalRequired, Integer subscriptionsLimit, Set<String> apiIds, List<String> groups) {

    public Product {
        apiIds = Set.copyOf(apiIds);
        groups = List.copyOf(groups);
    }

    /** Whether its subscriptions (or, open, anyone) may call this API through it. */
    public boolean opens(String apiId) {
        return published && apiIds.contains(apiId);
    }
}
