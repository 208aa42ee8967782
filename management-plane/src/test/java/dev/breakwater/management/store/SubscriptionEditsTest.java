package dev.breakwater.management.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.ProductDefinition;
import dev.breakwater.gateway.config.SubscriptionDefinition;
import dev.breakwater.gateway.config.UserDefinition;
import dev.breakwater.management.model.ManagementDocument;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deleting what subscriptions hang on, and how subscriptions as given are completed and checked. */
class SubscriptionEditsTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private static SubscriptionDefinition subscription(String id, String scope, String owner, String primary) {
        return new SubscriptionDefinition(id, null, scope, null, owner, primary, null, null, null, null, null, null,
                null);
    }

    private static ManagementDocument document() {
        return ManagementDocument.empty()
                .withApis(List.of(new ApiDefinition("orders", null, "orders", "http://o", false, null, null, null),
                        new ApiDefinition("status", null, "status", "http://s", false, null, null, null)))
                .withProducts(List.of(new ProductDefinition("starter", null, null, null, null, null, null,
                        List.of("orders", "status"), null, null)))
                .withUsers(List.of(new UserDefinition("ann", null, null, null, null, null, null, null)))
                .withSubscriptions(List.of(subscription("s1", "/products/starter", "/users/ann", null),
                        subscription("s2", "/apis/orders", null, null), subscription("s3", "/apis", "ann", null)));
    }

    @Test
    void deletingAProductWithSubscriptionsIsRefusedUnlessThoseGoToo() throws Exception {
        InUseException refused = assertThrows(InUseException.class,
                () -> SubscriptionEdits.withoutProduct(document(), "starter", false));
        assertEquals("product 'starter' has 1 subscription(s) (s1); delete them first, or add "
                + "?deleteSubscriptions=true to delete them with it", refused.getMessage());
        ManagementDocument after = SubscriptionEdits.withoutProduct(document(), "starter", true);
        assertEquals(List.of(), after.products());
        assertEquals(List.of("s2", "s3"), after.subscriptions().stream().map(SubscriptionDefinition::id).toList());
    }

    @Test
    void deletingAnApiTakesItOutOfProductsAndRefusesOrDeletesItsOwnSubscriptions() throws Exception {
        assertTrue(assertThrows(InUseException.class, () -> Edits.withoutApi(document(), "orders", false))
                .getMessage().startsWith("API 'orders' has 1 subscription(s) (s2)"));
        ManagementDocument after = Edits.withoutApi(document(), "orders", true);
        assertEquals(List.of("status"), after.products().get(0).apis());
        assertEquals(List.of("s1", "s3"), after.subscriptions().stream().map(SubscriptionDefinition::id).toList(),
                "product and all-API subscriptions stay");
        ManagementDocument statusGone = Edits.withoutApi(document(), "status", false);
        assertEquals(List.of("orders"), statusGone.products().get(0).apis(), "no API-scoped subscription: no refusal");
    }

    @Test
    void deletingAUserWhoOwnsSubscriptionsIsRefusedUnlessThoseGoToo() throws Exception {
        assertTrue(assertThrows(InUseException.class, () -> SubscriptionEdits.withoutUser(document(), "ann", false))
                .getMessage().startsWith("user 'ann' has 2 subscription(s) (s1, s3)"));
        ManagementDocument after = SubscriptionEdits.withoutUser(document(), "ann", true);
        assertEquals(List.of(), after.users());
        assertEquals(List.of("s2"), after.subscriptions().stream().map(SubscriptionDefinition::id).toList());
    }

    @Test
    void keysLeftOutAreKeptOrGeneratedAndGivenOnesAreChecked() throws Exception {
        SubscriptionDefinition created = SubscriptionInputs.complete(subscription("s", "/apis", null, null), null, NOW,
                "subscription 's'");
        assertTrue(created.primaryKey().matches("[0-9a-f]{32}"), "APIM's style: 32 lowercase hex");
        assertTrue(created.secondaryKey().matches("[0-9a-f]{32}"));
        assertNotEquals(created.primaryKey(), created.secondaryKey());
        assertEquals(NOW, created.createdDate());

        SubscriptionDefinition kept = SubscriptionInputs.complete(subscription("s", "/apis", null, null), created,
                NOW.plusSeconds(60), "subscription 's'");
        assertEquals(created, kept, "keys and creation date kept");
        SubscriptionDefinition given = SubscriptionInputs.complete(subscription("s", "/apis", null,
                "a-given-key-0123456789"), created, NOW, "subscription 's'");
        assertEquals("a-given-key-0123456789", given.primaryKey());
        assertEquals(created.secondaryKey(), given.secondaryKey());

        String shortKey = "short-key-5";
        ConfigException tooShort = assertThrows(ConfigException.class, () -> SubscriptionInputs.complete(
                subscription("s", "/apis", null, shortKey), null, NOW, "subscription 's'"));
        assertEquals("subscription 's': primaryKey must have 16 to 256 characters (it has 11); leave it out to have "
                + "one generated", tooShort.getMessage());
        assertFalse(tooShort.getMessage().contains(shortKey));
        assertTrue(assertThrows(ConfigException.class, () -> SubscriptionInputs.complete(
                subscription("s", "/apis", null, "has a space in it, long enough"), null, NOW, "subscription 's'"))
                .getMessage().contains("only visible ASCII"));
        SubscriptionDefinition hashed = new SubscriptionDefinition("s", null, "/apis", null, null, null, null,
                "hmac-sha256:x:y", null, null, null, null, null);
        assertTrue(assertThrows(ConfigException.class, () -> SubscriptionInputs.complete(hashed, null, NOW, "s"))
                .getMessage().contains("primaryKeyHash and secondaryKeyHash are not accepted here"));
    }

    @Test
    void regeneratingReplacesOneKeyOnly() {
        SubscriptionDefinition before = subscription("s", "/apis", null, "primary-0123456789").withKeys(
                "primary-0123456789", "secondary-0123456789");
        SubscriptionDefinition primary = SubscriptionInputs.regenerated(before, true);
        assertNotEquals(before.primaryKey(), primary.primaryKey());
        assertEquals(before.secondaryKey(), primary.secondaryKey());
        SubscriptionDefinition secondary = SubscriptionInputs.regenerated(before, false);
        assertEquals(before.primaryKey(), secondary.primaryKey());
        assertNotEquals(before.secondaryKey(), secondary.secondaryKey());
    }

    @Test
    void keysMustBeUniqueAcrossSubscriptionsAndTheDuplicateIsNotNamed() {
        SubscriptionDefinition first = subscription("first", "/apis", null, null).withKeys("key-aaaaaaaaaaaaaaaa",
                "key-bbbbbbbbbbbbbbbb");
        SubscriptionDefinition second = subscription("second", "/apis", null, null).withKeys("key-cccccccccccccccc",
                "key-aaaaaaaaaaaaaaaa");
        String message = assertThrows(ConfigException.class, () -> SubscriptionRules.check(ManagementDocument.empty()
                .withSubscriptions(List.of(first, second)))).getMessage();
        assertEquals("subscriptions[1] 'second': its secondaryKey is already the key of another subscription; keys "
                + "must be unique", message);
        assertTrue(assertThrows(ConfigException.class, () -> SubscriptionRules.check(ManagementDocument.empty()
                .withSubscriptions(List.of(first.withKeys("key-aaaaaaaaaaaaaaaa", "key-aaaaaaaaaaaaaaaa")))))
                .getMessage().contains("primaryKey and secondaryKey must differ"));
    }
}
