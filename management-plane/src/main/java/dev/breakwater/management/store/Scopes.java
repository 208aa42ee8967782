package dev.breakwater.management.store;

import dev.breakwater.gateway.subscription.SubscriptionScope;

/**
 * What a subscription's scope and owner name, read exactly as the gateway reads them
 * ({@link SubscriptionScope}).
 */
public final class Scopes {

    private Scopes() {
    }

    /** The scope; one whose {@code valid()} is false names nothing this release understands. */
    public static SubscriptionScope scope(String text) {
        return SubscriptionScope.parse(text);
    }

    /** The id of the user an {@code ownerId} names, or {@code null} for none or one that names no user. */
    public static String ownerUserId(String ownerId) {
        try {
            return SubscriptionScope.ownerUserId(ownerId);
        } catch (IllegalArgumentException e) {
            return null; // the gateway's compiler refuses it, naming the subscription
        }
    }
}
