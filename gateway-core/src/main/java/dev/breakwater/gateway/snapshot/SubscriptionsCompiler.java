package dev.breakwater.gateway.snapshot;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.SubscriptionDefinition;
import dev.breakwater.gateway.config.UserDefinition;
import dev.breakwater.gateway.subscription.KeyHash;
import dev.breakwater.gateway.subscription.Product;
import dev.breakwater.gateway.subscription.Subscription;
import dev.breakwater.gateway.subscription.SubscriptionKeys;
import dev.breakwater.gateway.subscription.SubscriptionScope;
import dev.breakwater.gateway.subscription.User;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Checks the users and subscriptions of a document and indexes the subscriptions by key hash
 * ({@link SubscriptionKeys}). Plain keys (a local file may hold them) are hashed here under a salt made
 * for this compilation, so that a gateway holds hashes only, whatever it was given. Messages name
 * subscriptions, never keys.
 */
final class SubscriptionsCompiler {

    /** A key given in plain must be at least this long: a short one could be guessed. */
    static final int MIN_KEY_CHARS = 16;
    private static final Set<String> STATES = Set.of("active", "suspended", "submitted", "rejected", "cancelled",
            "expired");
    private static final Set<String> USER_STATES = Set.of("active", "blocked", "pending", "deleted");

    private SubscriptionsCompiler() {
    }

    static Map<String, User> users(List<UserDefinition> definitions) throws ConfigException {
        Map<String, User> users = new HashMap<>();
        for (int i = 0; i < definitions.size(); i++) {
            UserDefinition user = definitions.get(i);
            String where = "users[" + i + "]" + (user.id() == null ? "" : " '" + user.id() + "'");
            Definitions.checkId(user.id(), where);
            if (user.state() != null && !USER_STATES.contains(user.state())) {
                throw new ConfigException(where + ": state must be one of " + new TreeSet<>(USER_STATES)
                        + ", not '" + user.state() + "'");
            }
            boolean blocked = user.state() != null && !"active".equals(user.state());
            if (users.put(user.id(), new User(user.id(), user.email(), user.firstName(), user.lastName(), user.note(),
                    blocked, user.groups(), user.registrationDate())) != null) {
                throw new ConfigException(where + ": id is used by another user");
            }
        }
        return Map.copyOf(users);
    }

    static SubscriptionKeys subscriptions(List<SubscriptionDefinition> definitions, Function<String, Product> products,
                                          Set<String> apiIds, Map<String, User> users) throws ConfigException {
        SubscriptionKeys.Builder keys = new SubscriptionKeys.Builder();
        byte[] salt = null;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < definitions.size(); i++) {
            SubscriptionDefinition definition = definitions.get(i);
            String where = "subscriptions[" + i + "]" + (definition.id() == null ? "" : " '" + definition.id() + "'");
            Definitions.checkId(definition.id(), where);
            if (!ids.add(definition.id())) {
                throw new ConfigException(where + ": id is used by another subscription");
            }
            if (definition.state() != null && !STATES.contains(definition.state())) {
                throw new ConfigException(where + ": state must be one of " + new TreeSet<>(STATES)
                        + ", not '" + definition.state() + "'");
            }
            Product product = null;
            String apiId = null;
            SubscriptionScope scope = SubscriptionScope.parse(definition.scope());
            if (!scope.valid()) {
                throw new ConfigException(where + ": scope must be /products/{productId}, /apis/{apiId} or /apis"
                        + (definition.scope() == null ? "" : ", not '" + definition.scope() + "'"));
            }
            if (scope.productId() != null) {
                product = products.apply(scope.productId());
                if (product == null) {
                    throw new ConfigException(where + ": scope names product '" + scope.productId()
                            + "', which is not in the document");
                }
            } else if (scope.apiId() != null) {
                apiId = scope.apiId();
                if (!apiIds.contains(apiId)) {
                    throw new ConfigException(where + ": scope names API '" + apiId + "', which is not in the document");
                }
            }
            User owner = null;
            String ownerId;
            try {
                ownerId = SubscriptionScope.ownerUserId(definition.ownerId());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ": " + e.getMessage() + ", not '" + definition.ownerId() + "'");
            }
            if (ownerId != null) {
                owner = users.get(ownerId);
                if (owner == null) {
                    throw new ConfigException(where + ": ownerId names user '" + ownerId + "', which is not in the document");
                }
            }
            Subscription subscription = new Subscription(definition.id(),
                    definition.displayName() == null ? definition.id() : definition.displayName(), product, apiId,
                    definition.active(), owner, Boolean.TRUE.equals(definition.allowTracing()),
                    definition.createdDate(), definition.startDate(), definition.expirationDate());
            for (boolean primary : new boolean[] {true, false}) {
                String name = primary ? "primaryKey" : "secondaryKey";
                String plain = primary ? definition.primaryKey() : definition.secondaryKey();
                String hashed = primary ? definition.primaryKeyHash() : definition.secondaryKeyHash();
                KeyHash hash;
                if (plain != null && hashed != null) {
                    throw new ConfigException(where + ": give " + name + " or " + name + "Hash, not both");
                } else if (plain != null) {
                    if (plain.length() < MIN_KEY_CHARS || plain.isBlank()) {
                        throw new ConfigException(where + ": " + name + " must have at least " + MIN_KEY_CHARS
                                + " characters");
                    }
                    if (salt == null) {
                        salt = KeyHash.newSalt();
                    }
                    hash = KeyHash.of(plain, salt);
                } else if (hashed != null) {
                    try {
                        hash = KeyHash.parse(hashed);
                    } catch (IllegalArgumentException e) {
                        throw new ConfigException(where + ": " + name + "Hash: " + e.getMessage());
                    }
                } else {
                    continue; // a subscription may hold one key only
                }
                if (!keys.add(hash, subscription, primary)) {
                    throw new ConfigException(where + ": its " + name + " is also the key of another subscription; "
                            + "every key must be different");
                }
            }
        }
        return keys.build();
    }
}
