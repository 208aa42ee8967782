package dev.breakwater.management.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.ConfigDocument;
import dev.breakwater.gateway.config.NamedValueDefinition;
import dev.breakwater.gateway.config.ProductDefinition;
import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.gateway.config.SubscriptionDefinition;
import dev.breakwater.gateway.config.UserDefinition;
import dev.breakwater.gateway.subscription.KeyHash;
import dev.breakwater.management.model.GatewayDefinition;
import dev.breakwater.management.model.ManagementDocument;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each gateway gets the products holding its APIs (narrowed to them), the subscriptions that can open
 * one of its APIs with their keys replaced by salted hashes, the owners of those, and the named values
 * the products' policies reference; never a key.
 */
class ServedSubscriptionsTest {

    private static final StrictJson JSON = new StrictJson();
    private static final byte[] SALT = KeyHash.newSalt();

    private static ApiDefinition api(String id) {
        return new ApiDefinition(id, null, id, "http://" + id, false, null, null, null);
    }

    private static ProductDefinition product(String id, List<String> apis, String policy) {
        return new ProductDefinition(id, null, null, true, null, null, ProductDefinition.PUBLISHED, apis, policy, null);
    }

    private static SubscriptionDefinition subscription(String id, String scope, String owner) {
        return new SubscriptionDefinition(id, null, scope, null, owner, "primary-key-of-" + id,
                "secondary-key-of-" + id, null, null, null, null, null, null);
    }

    private static UserDefinition user(String id) {
        return new UserDefinition(id, id + "@example.com", null, null, null, null, null, null);
    }

    private static ManagementDocument document() {
        return ManagementDocument.empty().withRevision(4)
                .withApis(List.of(api("orders"), api("status"), api("other")))
                .withNamedValues(List.of(new NamedValueDefinition("tier", "tier", "gold", false),
                        new NamedValueDefinition("spare", "spare", "x", false)))
                .withProducts(List.of(product("starter", List.of("orders", "status"),
                                "<policies><inbound><set-header name=\"t\"><value>{{tier}}</value></set-header>"
                                        + "</inbound></policies>"),
                        product("elsewhere", List.of("other"), "<policies>{{spare}}</policies>")))
                .withUsers(List.of(user("ann"), user("bob"), user("cid"), user("dee")))
                .withSubscriptions(List.of(subscription("s-starter", "/products/starter", "/users/ann"),
                        subscription("s-all", "/apis", "bob"),
                        subscription("s-status", "/subscriptions/x/resourceGroups/y/providers/Microsoft.ApiManagement"
                                + "/service/z/apis/status", null),
                        subscription("s-elsewhere", "/products/elsewhere", "cid"),
                        subscription("s-other", "/apis/other", "dee")))
                .withGateways(List.of(new GatewayDefinition("east", null, List.of("orders", "status")),
                        new GatewayDefinition("west", null, List.of("status"))));
    }

    @Test
    void aGatewayGetsTheProductsSubscriptionsAndUsersOfItsApis() throws Exception {
        Map<String, byte[]> served = new ServedDocuments(JSON, SALT).render(document());
        ConfigDocument east = JSON.read(served.get("east"));
        assertEquals(List.of("starter"), east.products().stream().map(ProductDefinition::id).toList());
        assertEquals(List.of("orders", "status"), east.products().get(0).apis());
        assertEquals(List.of("s-starter", "s-all", "s-status"),
                east.subscriptions().stream().map(SubscriptionDefinition::id).toList());
        assertEquals(List.of("ann", "bob"), east.users().stream().map(UserDefinition::id).toList(),
                "the owners of its subscriptions, by /users/{id} or bare id");
        assertEquals(List.of("tier"), east.namedValues().stream().map(NamedValueDefinition::id).toList(),
                "what the product's policy references");

        ConfigDocument west = JSON.read(served.get("west"));
        assertEquals(List.of("status"), west.products().get(0).apis(), "the product narrowed to the gateway's APIs");
        assertEquals(List.of("s-starter", "s-all", "s-status"),
                west.subscriptions().stream().map(SubscriptionDefinition::id).toList());
    }

    @Test
    void keysAreServedAsHashesUnderTheSaltAndNeverInClear() throws Exception {
        ManagementDocument document = document();
        ServedDocuments documents = new ServedDocuments(JSON, SALT);
        byte[] bytes = documents.render(document).get("east");
        for (SubscriptionDefinition subscription : JSON.read(bytes).subscriptions()) {
            assertNull(subscription.primaryKey());
            assertNull(subscription.secondaryKey());
            KeyHash primary = KeyHash.parse(subscription.primaryKeyHash());
            assertArrayEquals(SALT, primary.salt());
            assertArrayEquals(KeyHash.mac(SALT, "primary-key-of-" + subscription.id()), primary.mac());
            assertArrayEquals(KeyHash.mac(SALT, "secondary-key-of-" + subscription.id()),
                    KeyHash.parse(subscription.secondaryKeyHash()).mac());
        }
        String text = new String(bytes, StandardCharsets.UTF_8) + new String(documents.everything(document),
                StandardCharsets.UTF_8);
        assertFalse(text.contains("key-of-"), "no key in what gateways are served nor in what is validated: " + text);
        assertArrayEquals(bytes, new ServedDocuments(JSON, SALT.clone()).render(document).get("east"),
                "the same salt renders the same bytes: a restart serves the same document");
    }

    @Test
    void aGatewayWithoutProductsOrSubscriptionsGetsNone() throws Exception {
        ManagementDocument document = document().withSubscriptions(List.of())
                .withGateways(List.of(new GatewayDefinition("lone", null, List.of())));
        byte[] served = new ServedDocuments(JSON, SALT).render(document).get("lone");
        String text = new String(served, StandardCharsets.UTF_8);
        assertFalse(text.contains("products") || text.contains("subscriptions") || text.contains("users"), text);
    }
}
