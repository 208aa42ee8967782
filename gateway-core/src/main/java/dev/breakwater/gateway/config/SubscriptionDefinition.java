package dev.breakwater.gateway.config;

import java.time.Instant;

/**
 * A subscription (APIM's): a named pair of keys that lets its owner call the APIs of its scope.
 * A gateway holds either the keys, in a local file, or only their salted hashes
 * ({@code primaryKeyHash}, {@code secondaryKeyHash}, as the management plane serves them, see
 * {@code subscription.KeyHash}), so that its backup never holds a usable key.
 *
 * @param scope   {@code /products/{productId}}, {@code /apis/{apiId}} or {@code /apis} (every API);
 *                APIM's full resource paths ending so are accepted too
 * @param state   {@code active} lets calls through; {@code suspended}, {@code submitted},
 *                {@code rejected}, {@code cancelled} and {@code expired} do not ({@code null}: active)
 * @param ownerId the user who owns it, {@code /users/{userId}} as APIM writes it or the bare id
 */
public record SubscriptionDefinition(String id, String displayName, String scope, String state, String ownerId,
                                     String primaryKey, String secondaryKey, String primaryKeyHash,
                                     String secondaryKeyHash, Boolean allowTracing, Instant createdDate,
                                     Instant startDate, Instant expirationDate) {

    public static final String ACTIVE = "active";

    public boolean active() {
        return state == null || ACTIVE.equals(state);
    }

    /** The same subscription with its keys replaced by these hashes (as served to gateways). */
    public SubscriptionDefinition withKeyHashes(String primaryHash, String secondaryHash) {
        return new SubscriptionDefinition(id, displayName, scope, state, ownerId, null, null, primaryHash,
                secondaryHash, allowTracing, createdDate, startDate, expirationDate);
    }

    /** The same subscription with these keys (and no hashes). */
    public SubscriptionDefinition withKeys(String primary, String secondary) {
        return new SubscriptionDefinition(id, displayName, scope, state, ownerId, primary, secondary, null, null,
                allowTracing, createdDate, startDate, expirationDate);
    }
}
