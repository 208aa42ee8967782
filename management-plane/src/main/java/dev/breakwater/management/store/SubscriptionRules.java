package dev.breakwater.management.store;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.ProductDefinition;
import dev.breakwater.gateway.config.SubscriptionDefinition;
import dev.breakwater.gateway.config.UserDefinition;
import dev.breakwater.management.model.ManagementDocument;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What the management plane itself requires of products, subscriptions and users, before the
 * gateway's compiler checks what they reference: ids as for its other entities, unique; every
 * subscription holding both keys in clear (it serves gateways their hashes, never takes hashes);
 * keys of {@value #MIN_KEY_CHARS} to {@value #MAX_KEY_CHARS} visible ASCII characters (they travel
 * in a header or a query parameter), every key different from every other, so that a key
 * presented names one subscription. Messages never quote a key, nor say which subscription
 * holds a duplicate: that would tell one key holder about another's.
 */
final class SubscriptionRules {

    static final int MIN_KEY_CHARS = 16;
    static final int MAX_KEY_CHARS = 256;

    private SubscriptionRules() {
    }

    static void check(ManagementDocument document) throws ConfigException {
        checkIds(document.products(), ProductDefinition::id, "products", "product");
        checkIds(document.users(), UserDefinition::id, "users", "user");
        checkIds(document.subscriptions(), SubscriptionDefinition::id, "subscriptions", "subscription");
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < document.subscriptions().size(); i++) {
            SubscriptionDefinition subscription = document.subscriptions().get(i);
            String where = "subscriptions[" + i + "] '" + subscription.id() + "'";
            if (subscription.primaryKeyHash() != null || subscription.secondaryKeyHash() != null) {
                throw new ConfigException(where + ": key hashes are not accepted: the management plane keeps the "
                        + "keys and serves gateways their hashes");
            }
            if (subscription.primaryKey() == null || subscription.secondaryKey() == null) {
                throw new ConfigException(where + ": a subscription needs a primaryKey and a secondaryKey");
            }
            checkKey(subscription.primaryKey(), where, "primaryKey");
            checkKey(subscription.secondaryKey(), where, "secondaryKey");
            if (subscription.primaryKey().equals(subscription.secondaryKey())) {
                throw new ConfigException(where + ": primaryKey and secondaryKey must differ");
            }
            if (!keys.add(subscription.primaryKey())) {
                throw new ConfigException(where + ": its primaryKey is already the key of another subscription; "
                        + "keys must be unique");
            }
            if (!keys.add(subscription.secondaryKey())) {
                throw new ConfigException(where + ": its secondaryKey is already the key of another subscription; "
                        + "keys must be unique");
            }
        }
    }

    /** A key given ({@code null}: none given, nothing to check); the message never quotes it. */
    static void checkKey(String key, String where, String which) throws ConfigException {
        if (key == null) {
            return;
        }
        if (key.length() < MIN_KEY_CHARS || key.length() > MAX_KEY_CHARS) {
            throw new ConfigException(where + ": " + which + " must have " + MIN_KEY_CHARS + " to " + MAX_KEY_CHARS
                    + " characters (it has " + key.length() + "); leave it out to have one generated");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new ConfigException(where + ": " + which + " may hold only visible ASCII characters, no spaces "
                        + "(it is sent in a header or a query parameter)");
            }
        }
    }

    private static <T> void checkIds(List<T> items, Function<T, String> idOf, String list, String what)
            throws ConfigException {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String id = idOf.apply(items.get(i));
            if (id == null || !DocumentValidator.ID.matcher(id).matches()) {
                throw new ConfigException(list + "[" + i + "]: id is required: " + DocumentValidator.ID_RULE);
            }
            if (!ids.add(id)) {
                throw new ConfigException(list + "[" + i + "] '" + id + "': id is used by another " + what);
            }
        }
    }
}
