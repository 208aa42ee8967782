package dev.breakwater.management.store;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.SubscriptionDefinition;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Subscriptions as a request gives them, completed as they are stored: a key given is checked
 * ({@link SubscriptionRules}); a key left out keeps the one stored under the subscription's id, or,
 * for a new subscription, is generated as APIM does (32 lowercase hex characters, 128 random bits).
 * So what a GET returned (keys hidden) can be written back, and an export imports again. The
 * creation date is the management plane's: the stored one, else the one given (an import), else now.
 * Key hashes are never taken from a request: the management plane makes them for gateways.
 */
public final class SubscriptionInputs {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of(); // lower case

    private SubscriptionInputs() {
    }

    /** A new key: 16 random bytes as 32 lowercase hex characters, as APIM generates them. */
    public static String newKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    /**
     * @param stored the subscription stored under this id now, or {@code null}
     * @param where  where it was given, for messages (never a key)
     */
    public static SubscriptionDefinition complete(SubscriptionDefinition given, SubscriptionDefinition stored,
                                                  Instant now, String where) throws ConfigException {
        if (given.primaryKeyHash() != null || given.secondaryKeyHash() != null) {
            throw new ConfigException(where + ": primaryKeyHash and secondaryKeyHash are not accepted here: the "
                    + "management plane keeps the keys and serves gateways their hashes; give primaryKey and "
                    + "secondaryKey, or leave them out to keep the stored ones or have new ones generated");
        }
        SubscriptionRules.checkKey(given.primaryKey(), where, "primaryKey");
        SubscriptionRules.checkKey(given.secondaryKey(), where, "secondaryKey");
        String primary = given.primaryKey() != null ? given.primaryKey()
                : stored != null && stored.primaryKey() != null ? stored.primaryKey() : newKey();
        String secondary = given.secondaryKey() != null ? given.secondaryKey()
                : stored != null && stored.secondaryKey() != null ? stored.secondaryKey() : newKey();
        Instant created = stored != null && stored.createdDate() != null ? stored.createdDate()
                : given.createdDate() != null ? given.createdDate() : now;
        return new SubscriptionDefinition(given.id(), given.displayName(), given.scope(), given.state(),
                given.ownerId(), primary, secondary, null, null, given.allowTracing(), created, given.startDate(),
                given.expirationDate());
    }

    /** Every subscription of an imported document, completed against those stored now. */
    public static List<SubscriptionDefinition> completeAll(List<SubscriptionDefinition> given,
                                                           List<SubscriptionDefinition> stored, Instant now)
            throws ConfigException {
        List<SubscriptionDefinition> completed = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            SubscriptionDefinition subscription = given.get(i);
            SubscriptionDefinition same = stored.stream()
                    .filter(existing -> subscription.id() != null && subscription.id().equals(existing.id()))
                    .findFirst().orElse(null);
            completed.add(complete(subscription, same, now, "subscriptions[" + i + "]"
                    + (subscription.id() == null ? "" : " '" + subscription.id() + "'")));
        }
        return completed;
    }

    /** The subscription with a new primary or secondary key; the other stays. */
    public static SubscriptionDefinition regenerated(SubscriptionDefinition subscription, boolean primary) {
        return primary ? subscription.withKeys(newKey(), subscription.secondaryKey())
                : subscription.withKeys(subscription.primaryKey(), newKey());
    }
}
