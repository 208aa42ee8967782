package dev.breakwater.gateway.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.routing.ApiRoute;
import dev.breakwater.gateway.subscription.KeyHash;
import dev.breakwater.gateway.subscription.SubscriptionKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Products, users and subscriptions of a document: checked with messages that say where, never a key. */
class SubscriptionsCompilerTest {

    private static final String KEY = "a-key-of-enough-length-1";
    private final SnapshotCompiler compiler = new SnapshotCompiler(PolicyTesting.REGISTRY,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    private ConfigSnapshot compile(String products, String users, String subscriptions) throws ConfigException {
        String json = "{\"revision\": 1, \"apis\": [{\"id\": \"a\", \"path\": \"a\", \"serviceUrl\": \"http://b:1\"},"
                + "{\"id\": \"b\", \"path\": \"b\", \"serviceUrl\": \"http://b:1\"}], \"products\": [" + products
                + "], \"users\": [" + users + "], \"subscriptions\": [" + subscriptions + "]}";
        return compiler.compile(json.getBytes(StandardCharsets.UTF_8), "test");
    }

    private String error(String products, String users, String subscriptions) {
        return assertThrows(ConfigException.class, () -> compile(products, users, subscriptions)).getMessage();
    }

    private static String subscription(String id, String scope, String more) {
        return "{\"id\": \"" + id + "\", \"scope\": \"" + scope + "\"" + more + "}";
    }

    @Test
    void keysAreFoundByTheirHashAndTheirSubscriptionsScopeIsResolved() throws ConfigException {
        String hashed = "hashed-key-of-enough-length";
        ConfigSnapshot snapshot = compile("{\"id\": \"p\", \"state\": \"published\", \"apis\": [\"a\"]}",
                "{\"id\": \"u\", \"email\": \"u@x\"}",
                subscription("s1", "/products/p", ", \"ownerId\": \"/users/u\", \"primaryKey\": \"" + KEY + "\"") + ","
                        + subscription("s2", "/apis/b", ", \"secondaryKeyHash\": \""
                        + KeyHash.of(hashed, KeyHash.newSalt()).text() + "\""));
        SubscriptionKeys keys = snapshot.subscriptionKeys();
        SubscriptionKeys.Match first = keys.find(KEY);
        assertEquals("s1", first.subscription().id());
        assertTrue(first.primary());
        assertEquals("p", first.subscription().product().id());
        assertEquals("u@x", first.subscription().owner().email());
        assertTrue(first.subscription().opens("a", Instant.EPOCH));
        assertFalse(first.subscription().opens("b", Instant.EPOCH));
        SubscriptionKeys.Match second = keys.find(hashed);
        assertEquals("s2", second.subscription().id());
        assertFalse(second.primary());
        assertNull(keys.find(KEY + "x"));
        assertNull(keys.find(""));
    }

    @Test
    void aProductWithAPolicyGetsItsOwnPipelinesAndOneWithoutReusesTheApis() throws ConfigException {
        String policy = "<policies><inbound><base/><set-header name=\\\"X-P\\\" exists-action=\\\"override\\\">"
                + "<value>p</value></set-header></inbound><backend><base/></backend><outbound><base/></outbound>"
                + "<on-error><base/></on-error></policies>";
        ConfigSnapshot snapshot = compile("{\"id\": \"p\", \"apis\": [\"a\"], \"policy\": \"" + policy + "\"},"
                + "{\"id\": \"q\", \"apis\": [\"a\"]}", "", "");
        ApiRoute a = snapshot.routes().findApi("h", "/a/x");
        assertNotNull(a.byProduct().get("p"));
        assertFalse(a.byProduct().containsKey("q"), "a product without a policy adds nothing");
        assertTrue(a.access().subscriptionRequired(), "APIM's default");
        assertNull(a.access().openProduct(), "neither product is published and open");
    }

    @Test
    void scopesAreReadBySegmentsSoAProductMayBeCalledApisSomething() throws ConfigException {
        ConfigSnapshot snapshot = compile("{\"id\": \"apis-x\", \"state\": \"published\", \"apis\": [\"a\"]}",
                "{\"id\": \"u\"}", subscription("s", "/subscriptions/1/service/z/products/apis-x",
                        ", \"ownerId\": \"/subscriptions/1/service/z/users/u\", \"primaryKey\": \"" + KEY + "\""));
        SubscriptionKeys.Match match = snapshot.subscriptionKeys().find(KEY);
        assertEquals("apis-x", match.subscription().product().id());
        assertEquals("u", match.subscription().owner().id());
    }

    @Test
    void anApiInAPublishedOpenProductIsOpenThroughIt() throws ConfigException {
        ConfigSnapshot snapshot = compile("{\"id\": \"free\", \"state\": \"published\", \"subscriptionRequired\": false, "
                + "\"apis\": [\"a\"]}", "", "");
        assertEquals("free", snapshot.routes().findApi("h", "/a/x").access().openProduct().id());
        assertNull(snapshot.routes().findApi("h", "/b/x").access().openProduct());
        assertSame(SubscriptionKeys.NONE, snapshot.subscriptionKeys());
    }

    @Test
    void badProductsUsersAndSubscriptionsAreRefusedSayingWhere() {
        assertTrue(error("{\"id\": \"p\", \"apis\": [\"nope\"]}", "", "").contains("products[0] 'p'.apis: no API 'nope'"));
        assertTrue(error("{\"id\": \"p\", \"state\": \"live\"}", "", "").contains("state must be 'published'"));
        assertTrue(error("{\"id\": \"p\"},{\"id\": \"p\"}", "", "").contains("id is used by another product"));
        String open = "\"state\": \"published\", \"subscriptionRequired\": false, \"apis\": [\"a\"]";
        assertTrue(error("{\"id\": \"f1\", " + open + "},{\"id\": \"f2\", " + open + "}", "", "")
                .contains("in two published products that require no subscription"));
        assertTrue(error("", "{\"id\": \"u\", \"state\": \"gone\"}", "").contains("users[0] 'u': state must be one of"));
        assertTrue(error("", "", subscription("s", "/products/p", "")).contains("scope names product 'p'"));
        assertTrue(error("", "", subscription("s", "/apis/c", "")).contains("scope names API 'c'"));
        assertTrue(error("", "", subscription("s", "/users/u", "")).contains("scope must be /products/{productId}"));
        assertTrue(error("", "", subscription("s", "/apis", ", \"ownerId\": \"/users/x\""))
                .contains("ownerId names user 'x'"));
        assertTrue(error("", "{\"id\": \"x\"}", subscription("s", "/apis", ", \"ownerId\": \"/groups/x\""))
                .contains("ownerId must be /users/{userId} or a user's id"));
        assertTrue(error("", "", subscription("s", "/apis", ", \"state\": \"paused\"")).contains("state must be one of"));
        String shortKey = "short-key";
        String message = error("", "", subscription("s", "/apis", ", \"primaryKey\": \"" + shortKey + "\""));
        assertTrue(message.contains("primaryKey must have at least 16 characters"), message);
        assertFalse(message.contains(shortKey), "no key in a message");
        message = error("", "", subscription("s", "/apis", ", \"primaryKey\": \"" + KEY + "\"") + ","
                + subscription("t", "/apis", ", \"secondaryKey\": \"" + KEY + "\""));
        assertTrue(message.contains("subscriptions[1] 't': its secondaryKey is also the key of another subscription"),
                message);
        assertFalse(message.contains(KEY));
        assertTrue(error("", "", subscription("s", "/apis", ", \"primaryKey\": \"" + KEY + "\", \"primaryKeyHash\": \""
                + KeyHash.of(KEY, KeyHash.newSalt()).text() + "\"")).contains("give primaryKey or primaryKeyHash, not both"));
        assertTrue(error("", "", subscription("s", "/apis", ", \"primaryKeyHash\": \"sha1:abc\""))
                .contains("primaryKeyHash: a key hash is written hmac-sha256:"));
    }
}
