package dev.breakwater.management.model;

import dev.breakwater.gateway.config.SubscriptionDefinition;
import java.util.List;

/**
 * A subscription's two keys, as {@code POST /admin/subscriptions/{id}/listSecrets} returns them (APIM's
 * contract): the one way to read keys back. Everything else shows a subscription without them.
 */
public record SubscriptionKeys(String primaryKey, String secondaryKey) {

    public static SubscriptionKeys of(SubscriptionDefinition subscription) {
        return new SubscriptionKeys(subscription.primaryKey(), subscription.secondaryKey());
    }

    /** The subscription as a GET or an export shows it: without keys (and without hashes). */
    public static SubscriptionDefinition shown(SubscriptionDefinition subscription) {
        return subscription.withKeys(null, null);
    }

    public static List<SubscriptionDefinition> shown(List<SubscriptionDefinition> subscriptions) {
        return subscriptions.stream().map(SubscriptionKeys::shown).toList();
    }

    @Override
    public String toString() {
        return "SubscriptionKeys[hidden]"; // never the keys, in logs or messages
    }
}
