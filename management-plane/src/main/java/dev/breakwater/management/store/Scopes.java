package dev.breakwater.management.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a subscription's scope and owner name, read as the gateway reads them: {@code /products/{id}},
 * {@code /apis/{id}}, {@code /apis} (every API), or APIM's full resource paths ending so; an owner as
 * {@code /users/{id}} (or a path ending so) or a bare id: what follows the last slash.
 */
public final class Scopes {

    private static final Pattern PRODUCT = Pattern.compile("(?:.*/)?products/([^/]+)/?");
    private static final Pattern API = Pattern.compile("(?:.*/)?apis/([^/]+)/?");
    private static final Pattern ALL_APIS = Pattern.compile("(?:.*/)?apis/?");

    /**
     * A scope read.
     *
     * @param productId the product of a product scope, else {@code null}
     * @param apiId     the API of an API scope, else {@code null}
     * @param allApis   whether it is {@code /apis}
     */
    public record Scope(String productId, String apiId, boolean allApis) {

        public boolean valid() {
            return productId != null || apiId != null || allApis;
        }
    }

    private Scopes() {
    }

    /** The scope; one whose {@code valid()} is false names nothing this release understands. */
    public static Scope scope(String text) {
        if (text == null) {
            return new Scope(null, null, false);
        }
        Matcher product = PRODUCT.matcher(text);
        if (product.matches()) {
            return new Scope(product.group(1), null, false);
        }
        Matcher api = API.matcher(text);
        if (api.matches()) {
            return new Scope(null, api.group(1), false);
        }
        return new Scope(null, null, ALL_APIS.matcher(text).matches());
    }

    /** The id of the user an {@code ownerId} names, or {@code null} for none. */
    public static String ownerUserId(String ownerId) {
        if (ownerId == null || ownerId.isBlank()) {
            return null;
        }
        return ownerId.substring(ownerId.lastIndexOf('/') + 1); // as the gateway reads it
    }
}
