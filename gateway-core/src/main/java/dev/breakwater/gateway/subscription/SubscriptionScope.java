package dev.breakwater.gateway.subscription;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subscription's scope and owner as APIM writes them, read one way by the gateway and the
 * management plane: {@code /products/{id}}, {@code /apis/{id}}, {@code /apis} (every API), or APIM's
 * full resource paths ending so (matched by whole segments, so a product called {@code apis-x} is a
 * product); an owner as {@code /users/{id}} (or a path ending so) or a bare id.
 *
 * @param productId the product of a product scope, else {@code null}
 * @param apiId     the API of an API scope, else {@code null}
 * @param allApis   whether it is {@code /apis}
 */
public record SubscriptionScope(String productId, String apiId, boolean allApis) {

    private static final Pattern PRODUCT = Pattern.compile("(?:.*/)?products/([^/]+)/?");
    private static final Pattern API = Pattern.compile("(?:.*/)?apis/([^/]+)/?");
    private static final Pattern ALL_APIS = Pattern.compile("(?:.*/)?apis/?");
    private static final Pattern USER = Pattern.compile("(?:.*/)?users/([^/]+)/?");

    /** Whether it names something: a product, an API or every API. */
    public boolean valid() {
        return productId != null || apiId != null || allApis;
    }

    /** The scope; one whose {@link #valid()} is false names nothing this gateway understands. */
    public static SubscriptionScope parse(String text) {
        if (text == null) {
            return new SubscriptionScope(null, null, false);
        }
        String scope = text.strip();
        Matcher product = PRODUCT.matcher(scope);
        if (product.matches()) {
            return new SubscriptionScope(product.group(1), null, false);
        }
        Matcher api = API.matcher(scope);
        if (api.matches()) {
            return new SubscriptionScope(null, api.group(1), false);
        }
        return new SubscriptionScope(null, null, ALL_APIS.matcher(scope).matches());
    }

    /**
     * The id of the user an {@code ownerId} names: {@code null} for none.
     *
     * @throws IllegalArgumentException when it is a path that does not end in {@code /users/{id}}
     */
    public static String ownerUserId(String ownerId) {
        if (ownerId == null || ownerId.isBlank()) {
            return null;
        }
        String owner = ownerId.strip();
        if (owner.indexOf('/') < 0) {
            return owner;
        }
        Matcher user = USER.matcher(owner);
        if (!user.matches()) {
            throw new IllegalArgumentException("ownerId must be /users/{userId} or a user's id");
        }
        return user.group(1);
    }
}
