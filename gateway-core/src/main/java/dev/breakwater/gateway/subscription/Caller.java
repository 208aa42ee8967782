package dev.breakwater.gateway.subscription;

/**
 * Who a request came as: the subscription whose key it presented (or none: an API that requires no
 * key, or an open product), the product whose scope applies, and the subscription's owner.
 * {@code context.Subscription}, {@code context.Product} and {@code context.User} show it.
 *
 * @param key     the key presented, {@code null} without a subscription
 * @param primary whether the key presented is the subscription's primary one
 */
public record Caller(Subscription subscription, String key, boolean primary, Product product) {

    /** A call without a subscription and without a product. */
    public static final Caller NONE = new Caller(null, null, false, null);

    /** A call without a subscription, through an open product or none. */
    public static Caller anonymous(Product openProduct) {
        return openProduct == null ? NONE : new Caller(null, null, false, openProduct);
    }

    public User user() {
        return subscription == null ? null : subscription.owner();
    }

    /** The subscription's id, or {@code null} for an anonymous call. */
    public String subscriptionId() {
        return subscription == null ? null : subscription.id();
    }

    @Override
    public String toString() {
        return "Caller[" + subscriptionId() + "]"; // never the key
    }
}
