package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.subscription.KeyHash;
import dev.breakwater.gateway.subscription.SubscriptionCheck;
import com.codahale.metrics.MetricRegistry;
import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscriptions through the real runner in front of a real backend: APIM's 401s for a missing and
 * an invalid key before any policy runs and without reaching the backend; keys in the header or the
 * query; a key for another API, a suspended, expired or unpublished product's subscription refused;
 * the product scope placed between global and API for a product's subscription only; an open product;
 * {@code context.Subscription}, {@code context.Product}, {@code context.User} in expressions.
 */
class SubscriptionsIT {

    static final String GOLD_KEY = "gold-primary-key-0123456789";
    static final String GOLD_SECONDARY = "gold-secondary-key-0123456789";
    static final String API_KEY = "api-scoped-key-0123456789ab";
    static final String ALL_KEY = "all-apis-key-0123456789abcd";
    static final String SUSPENDED_KEY = "suspended-key-0123456789abc";
    static final String EXPIRED_KEY = "expired-key-0123456789abcde";
    static final String DRAFT_KEY = "draft-product-key-012345678";
    static final String HASHED_KEY = "hashed-key-0123456789abcdef";

    @TempDir
    static Path dir;
    static TestBackend backend;
    static InProcessGateway gateway;

    /** A policy that appends its scope's name to the variable "order" (inbound), with {@code <base/>} first. */
    private static String appending(String scope, String more) {
        return "<policies><inbound><base/><set-variable name=\"order\" value=\"@(context.Variables.GetValueOrDefault"
                + "<string>(&quot;order&quot;, &quot;&quot;) + &quot;>" + scope + "&quot;)\"/>" + more + "</inbound>"
                + "<backend><base/></backend><outbound><base/></outbound><on-error><base/></on-error></policies>";
    }

    private static final String SHOW = "<set-header name=\"X-Order\" exists-action=\"override\">"
            + "<value>@((string)context.Variables[\"order\"])</value></set-header>"
            + "<set-header name=\"X-Who\" exists-action=\"override\"><value>@(context.Subscription == null ? \"-\" : "
            + "context.Subscription.Id + \"/\" + context.Subscription.Name + \"/\" + (context.User == null ? \"-\" : "
            + "context.User.Email + \"/\" + context.User.FirstName) + \"/\" + (context.Product == null ? \"-\" : "
            + "context.Product.Name) + \"/\" + (context.Subscription.PrimaryKey == context.Subscription.Key))</value>"
            + "</set-header><set-header name=\"X-Product\" exists-action=\"override\"><value>@(context.Product == null "
            + "? \"-\" : context.Product.Id)</value></set-header>";

    static String config() {
        String hash = KeyHash.of(HASHED_KEY, KeyHash.newSalt()).text();
        String global = "<policies><inbound><set-variable name=\"order\" value=\">global\"/></inbound><backend>"
                + "<forward-request/></backend><outbound/><on-error/></policies>";
        return "{\"revision\": 1, \"policy\": " + json(global) + ", \"apis\": ["
                + "{\"id\": \"shop\", \"path\": \"shop\", \"serviceUrl\": \"" + backend.url() + "\", \"policy\": "
                + json(appending("api", "")) + ", \"operations\": [{\"id\": \"get\", \"method\": \"GET\", "
                + "\"urlTemplate\": \"/{x}\", \"policy\": " + json(appending("operation", SHOW)) + "}]},"
                + "{\"id\": \"other\", \"path\": \"other\", \"serviceUrl\": \"" + backend.url() + "\"},"
                + "{\"id\": \"custom\", \"path\": \"custom\", \"serviceUrl\": \"" + backend.url() + "\", "
                + "\"subscriptionKeyParameterNames\": {\"header\": \"X-Key\", \"query\": \"key\"}, \"policy\": "
                + json("<policies><inbound><base/><set-header name=\"X-Key-Names\" exists-action=\"override\"><value>"
                + "@(context.Api.SubscriptionKeyParameterNames.Header + \"|\" + context.Api.SubscriptionKeyParameterNames"
                + ".Query)</value></set-header></inbound><backend><base/></backend><outbound><base/></outbound><on-error>"
                + "<base/></on-error></policies>") + "},"
                + "{\"id\": \"anonymous\", \"path\": \"anonymous\", \"subscriptionRequired\": false, \"serviceUrl\": \""
                + backend.url() + "\", \"policy\": " + json(appending("api", SHOW)) + "},"
                + "{\"id\": \"opened\", \"path\": \"opened\", \"serviceUrl\": \"" + backend.url() + "\", \"policy\": "
                + json(appending("api", SHOW)) + "},"
                + "{\"id\": \"browser\", \"path\": \"browser\", \"serviceUrl\": \"" + backend.url() + "\", \"policy\": "
                + json("<policies><inbound><cors><allowed-origins><origin>https://app.example</origin></allowed-origins>"
                + "<allowed-methods><method>GET</method></allowed-methods><allowed-headers><header>Ocp-Apim-Subscription-Key"
                + "</header></allowed-headers></cors><base/></inbound><backend><base/></backend><outbound><base/>"
                + "</outbound><on-error><base/></on-error></policies>") + "}],"
                + "\"products\": ["
                + "{\"id\": \"gold\", \"displayName\": \"Gold\", \"state\": \"published\", \"apis\": [\"shop\", \"custom\"], "
                + "\"policy\": " + json(appending("product", "")) + "},"
                + "{\"id\": \"draft\", \"state\": \"notPublished\", \"apis\": [\"shop\"]},"
                + "{\"id\": \"free\", \"displayName\": \"Free\", \"state\": \"published\", \"subscriptionRequired\": false, "
                + "\"apis\": [\"opened\"], \"policy\": " + json(appending("free", "")) + "}],"
                + "\"users\": [{\"id\": \"ann\", \"email\": \"ann@example.com\", \"firstName\": \"Ann\", \"lastName\": \"Lee\", "
                + "\"groups\": [\"developers\"]}],"
                + "\"subscriptions\": ["
                + "{\"id\": \"gold-ann\", \"displayName\": \"Ann's gold\", \"scope\": \"/products/gold\", \"ownerId\": \"/users/ann\", "
                + "\"primaryKey\": \"" + GOLD_KEY + "\", \"secondaryKey\": \"" + GOLD_SECONDARY + "\"},"
                + "{\"id\": \"shop-only\", \"scope\": \"/apis/shop\", \"primaryKey\": \"" + API_KEY + "\"},"
                + "{\"id\": \"everything\", \"scope\": \"/subscriptions/x/resourceGroups/y/providers/Microsoft.ApiManagement"
                + "/service/z/apis\", \"primaryKey\": \"" + ALL_KEY + "\"},"
                + "{\"id\": \"held\", \"scope\": \"/products/gold\", \"state\": \"suspended\", \"primaryKey\": \""
                + SUSPENDED_KEY + "\"},"
                + "{\"id\": \"old\", \"scope\": \"/products/gold\", \"expirationDate\": \"2001-01-01T00:00:00Z\", "
                + "\"primaryKey\": \"" + EXPIRED_KEY + "\"},"
                + "{\"id\": \"drafted\", \"scope\": \"/products/draft\", \"primaryKey\": \"" + DRAFT_KEY + "\"},"
                + "{\"id\": \"hashed\", \"scope\": \"/apis\", \"primaryKeyHash\": \"" + hash + "\"}]}";
    }

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        gateway = new InProcessGateway(dir, config());
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        backend.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return gateway.send(request);
    }

    private static void assertRefused(HttpResponse<String> response, String message) throws Exception {
        assertEquals(401, response.statusCode(), response.body());
        JsonNode body = Json.parse(response.body());
        assertEquals(401, body.get("statusCode").asInt());
        assertEquals(message, body.get("message").asText());
    }

    @Test
    void aMissingOrWrongKeyIsRefusedWithApimsBodiesBeforeAnyPolicyOrTheBackend() throws Exception {
        int before = backend.requestsReceived();
        assertRefused(get("/shop/a"), SubscriptionCheck.MISSING_KEY);
        assertRefused(get("/shop/a", "Ocp-Apim-Subscription-Key", ""), SubscriptionCheck.MISSING_KEY);
        assertRefused(get("/shop/a", "Ocp-Apim-Subscription-Key", "not-a-key-0123456789"), SubscriptionCheck.INVALID_KEY);
        assertRefused(get("/shop/a?subscription-key=" + GOLD_KEY + "x"), SubscriptionCheck.INVALID_KEY);
        assertEquals(before, backend.requestsReceived(), "no refused request reached the backend");
    }

    @Test
    void aProductsKeyInTheHeaderRunsGlobalThenProductThenApiThenOperationAndIsForwarded() throws Exception {
        HttpResponse<String> response = get("/shop/a", "Ocp-Apim-Subscription-Key", GOLD_KEY);
        assertEquals(200, response.statusCode(), response.body());
        Echo echo = Echo.parse(response.body());
        assertEquals(">global>product>api>operation", echo.firstHeader("X-Order"));
        assertEquals("gold-ann/Ann's gold/ann@example.com/Ann/Gold/True", echo.firstHeader("X-Who"));
        assertEquals(GOLD_KEY, echo.firstHeader("Ocp-Apim-Subscription-Key"), "APIM forwards the key header");
    }

    @Test
    void aRefusalIsCountedAgainstItsApiAndOperation() throws Exception {
        MetricRegistry registry = gateway.server.gateway().registry();
        long api = registry.meter("api.shop.responses.4xx").getCount();
        long operation = registry.timer("api.shop.operation.get.requests").getCount();
        assertRefused(get("/shop/a", "Ocp-Apim-Subscription-Key", "not-a-key-0123456789"), SubscriptionCheck.INVALID_KEY);
        // the response may reach the client before the exchange is recorded
        Await.until("the 401 counted against API shop", Duration.ofSeconds(5),
                () -> registry.meter("api.shop.responses.4xx").getCount() == api + 1);
        assertEquals(operation + 1, registry.timer("api.shop.operation.get.requests").getCount());
    }

    @Test
    void theSecondaryKeyAndTheQueryParameterWorkToo() throws Exception {
        HttpResponse<String> response = get("/shop/a?subscription-key=" + GOLD_SECONDARY + "&b=2");
        assertEquals(200, response.statusCode(), response.body());
        Echo echo = Echo.parse(response.body());
        assertEquals("gold-ann/Ann's gold/ann@example.com/Ann/Gold/False", echo.firstHeader("X-Who"));
        assertEquals("subscription-key=" + GOLD_SECONDARY + "&b=2", echo.query(), "APIM forwards the query too");
    }

    @Test
    void apiAndAllApisSubscriptionsOpenTheirApisWithoutAnyProductScope() throws Exception {
        for (String key : List.of(API_KEY, ALL_KEY, HASHED_KEY)) {
            HttpResponse<String> response = get("/shop/a", "Ocp-Apim-Subscription-Key", key);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(">global>api>operation", Echo.parse(response.body()).firstHeader("X-Order"));
            assertEquals("-", Echo.parse(response.body()).firstHeader("X-Product"));
        }
        assertEquals(200, get("/other/x", "Ocp-Apim-Subscription-Key", ALL_KEY).statusCode());
        assertEquals(200, get("/other/x", "Ocp-Apim-Subscription-Key", HASHED_KEY).statusCode());
        assertRefused(get("/other/x", "Ocp-Apim-Subscription-Key", API_KEY), SubscriptionCheck.INVALID_KEY);
        assertRefused(get("/other/x", "Ocp-Apim-Subscription-Key", GOLD_KEY), SubscriptionCheck.INVALID_KEY);
    }

    @Test
    void suspendedExpiredAndUnpublishedProductsSubscriptionsOpenNothing() throws Exception {
        int before = backend.requestsReceived();
        assertRefused(get("/shop/a", "Ocp-Apim-Subscription-Key", SUSPENDED_KEY), SubscriptionCheck.INVALID_KEY);
        assertRefused(get("/shop/a", "Ocp-Apim-Subscription-Key", EXPIRED_KEY), SubscriptionCheck.INVALID_KEY);
        assertRefused(get("/shop/a", "Ocp-Apim-Subscription-Key", DRAFT_KEY), SubscriptionCheck.INVALID_KEY);
        assertEquals(before, backend.requestsReceived());
    }

    @Test
    void anApisOwnKeyParameterNamesAreWhereItLooks() throws Exception {
        HttpResponse<String> response = get("/custom/x", "X-Key", GOLD_KEY);
        assertEquals(200, response.statusCode());
        assertEquals("X-Key|key", Echo.parse(response.body()).firstHeader("X-Key-Names"), "context.Api shows them");
        assertEquals(200, get("/custom/x?key=" + GOLD_KEY).statusCode());
        assertRefused(get("/custom/x", "Ocp-Apim-Subscription-Key", GOLD_KEY), SubscriptionCheck.MISSING_KEY);
    }

    @Test
    void anApiWithoutSubscriptionTakesCallsWithoutAKeyButStillRefusesAWrongOne() throws Exception {
        HttpResponse<String> response = get("/anonymous/x");
        assertEquals(200, response.statusCode());
        assertEquals("-", Echo.parse(response.body()).firstHeader("X-Who"));
        assertEquals(">global>api", Echo.parse(response.body()).firstHeader("X-Order"));
        assertRefused(get("/anonymous/x", "Ocp-Apim-Subscription-Key", "wrong-key-0123456789abc"),
                SubscriptionCheck.INVALID_KEY);
        assertTrue(Echo.parse(get("/anonymous/x", "Ocp-Apim-Subscription-Key", ALL_KEY).body())
                .firstHeader("X-Who").startsWith("everything/"));
    }

    @Test
    void anOpenProductLetsCallsWithoutAKeyThroughWithItsScope() throws Exception {
        HttpResponse<String> response = get("/opened/x");
        assertEquals(200, response.statusCode(), response.body());
        Echo echo = Echo.parse(response.body());
        assertEquals(">global>free>api", echo.firstHeader("X-Order"));
        assertEquals("free", echo.firstHeader("X-Product"));
        assertEquals("-", echo.firstHeader("X-Who"), "no subscription");
    }

    @Test
    void aCorsPreflightIsAnsweredWithoutAKeyAndTheCallItPrecedesNeedsOne() throws Exception {
        int before = backend.requestsReceived();
        HttpResponse<String> preflight = gateway.send(HttpRequest.newBuilder(gateway.uri("/browser/x"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example").header("Access-Control-Request-Method", "GET"));
        assertEquals(200, preflight.statusCode(), preflight.body());
        assertEquals("https://app.example", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals(before, backend.requestsReceived());
        assertRefused(get("/browser/x", "Origin", "https://app.example"), SubscriptionCheck.MISSING_KEY);
        assertEquals(200, get("/browser/x", "Origin", "https://app.example", "Ocp-Apim-Subscription-Key", ALL_KEY)
                .statusCode());
    }
}
