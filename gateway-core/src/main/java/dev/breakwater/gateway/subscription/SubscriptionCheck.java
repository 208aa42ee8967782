package dev.breakwater.gateway.subscription;

import dev.breakwater.gateway.routing.ApiAccess;
import java.time.Instant;

/**
 * APIM's subscription check, made after routing and before any policy: a presented key must belong to
 * an active subscription whose scope holds the API (a product holding it, the API, or all APIs), else
 * 401; without a key, an API that requires one answers 401 unless an open product holds it. A key is
 * checked even where none is required: a wrong key is a mistake the caller should hear about.
 */
public final class SubscriptionCheck {

    public static final String MISSING_KEY = "Access denied due to missing subscription key. "
            + "Make sure to include subscription key when making requests to an API.";
    public static final String INVALID_KEY = "Access denied due to invalid subscription key. "
            + "Make sure to provide a valid key for an active subscription.";

    /** The caller the request is let through as, or the message of its 401. */
    public record Decision(Caller caller, String refusal) {
    }

    private static final Decision NO_SUBSCRIPTION = new Decision(Caller.NONE, null);
    private static final Decision MISSING = new Decision(null, MISSING_KEY);
    private static final Decision INVALID = new Decision(null, INVALID_KEY);

    private SubscriptionCheck() {
    }

    /**
     * @param presentedKey the key from the API's header or query parameter; {@code null} or empty when none
     */
    public static Decision check(String apiId, ApiAccess access, String presentedKey, SubscriptionKeys keys,
                                 Instant now) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            if (access.openProduct() != null) {
                return new Decision(Caller.anonymous(access.openProduct()), null);
            }
            return access.subscriptionRequired() ? MISSING : NO_SUBSCRIPTION;
        }
        SubscriptionKeys.Match match = keys.find(presentedKey);
        if (match == null || !match.subscription().opens(apiId, now)) {
            return INVALID;
        }
        Subscription subscription = match.subscription();
        return new Decision(new Caller(subscription, presentedKey, match.primary(), subscription.product()), null);
    }
}
