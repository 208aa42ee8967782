package dev.breakwater.gateway.config;

import java.util.List;

/**
 * A product (APIM's): a set of APIs callers subscribe to together, with a policy that runs between
 * the global and the API scope for calls made with one of its subscriptions.
 *
 * @param subscriptionRequired {@code null} means true (a "protected" product); false makes it "open":
 *                             its APIs may be called without a key, with its policy applied
 * @param subscriptionsLimit   how many subscriptions a user may hold; {@code null} for no limit (shown
 *                             to expressions only: the management plane does not enforce sign-ups)
 * @param state                {@code published} or {@code notPublished} ({@code null}: notPublished, as APIM);
 *                             the subscriptions of a product that is not published open nothing
 * @param apis                 the ids of its APIs
 * @param groups               the ids of the groups that may see it (shown to expressions)
 */
public record ProductDefinition(String id, String displayName, String description, Boolean subscriptionRequired,
                                Boolean approvalRequired, Integer subscriptionsLimit, String state,
                                List<String> apis, String policy, List<String> groups) {

    public static final String PUBLISHED = "published";
    public static final String NOT_PUBLISHED = "notPublished";

    public ProductDefinition {
        apis = apis == null ? List.of() : List.copyOf(apis);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public boolean published() {
        return PUBLISHED.equals(state);
    }

    public boolean requiresSubscription() {
        return !Boolean.FALSE.equals(subscriptionRequired);
    }
}
