package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rate-limit and quota in product policies, through the real runner with real subscription keys in
 * front of a real backend: two subscriptions count apart, a call over the limit gets APIM's 429 with
 * Retry-After through on-error and never reaches the backend, the counters outlive a new
 * configuration revision, a 1-second window renews, a bandwidth quota counts the bodies and then
 * answers 403, and calls without a subscription (an open product) share one counter.
 */
class SubscriptionLimitsIT {

    static final String KEY_A = "gold-a-key-0123456789abcdef";
    static final String KEY_B = "gold-b-key-0123456789abcdef";
    static final String FAST_KEY = "fast-key-0123456789abcdefgh";
    static final String SILVER_KEY = "silver-key-0123456789abcdef";

    @TempDir
    static Path dir;
    static TestBackend backend;
    static InProcessGateway gateway;

    private static String productPolicy(String limit) {
        return "<policies><inbound><base/>" + limit + "</inbound><backend><base/></backend><outbound><base/></outbound>"
                + OneApiGateway.ON_ERROR_REASON + "</policies>";
    }

    private static String api(String id) {
        return "{\"id\": \"" + id + "\", \"path\": \"" + id + "\", \"serviceUrl\": \"" + backend.url() + "\"}";
    }

    private static String product(String id, String limit, String extra) {
        return "{\"id\": \"" + id + "\", \"state\": \"published\", \"apis\": [\"" + id + "\"], \"policy\": "
                + json(productPolicy(limit)) + extra + "}";
    }

    private static String subscription(String id, String product, String key) {
        return "{\"id\": \"" + id + "\", \"scope\": \"/products/" + product + "\", \"primaryKey\": \"" + key + "\"}";
    }

    /** The document; {@code goldHeader} names gold's remaining-calls header, which revision 2 changes. */
    static String config(long revision, String goldHeader) {
        return "{\"revision\": " + revision + ", \"apis\": [" + api("gold") + ", " + api("fast") + ", " + api("silver")
                + ", " + api("open") + "], \"products\": ["
                + product("gold", "<rate-limit calls=\"2\" renewal-period=\"300\" remaining-calls-header-name=\""
                        + goldHeader + "\"/>", "") + ", "
                + product("fast", "<rate-limit calls=\"1\" renewal-period=\"1\"/>", "") + ", "
                + product("silver", "<quota bandwidth=\"2\" renewal-period=\"3600\"/>", "") + ", "
                + product("open", "<rate-limit calls=\"1\" renewal-period=\"300\"/>", ", \"subscriptionRequired\": false")
                + "], \"subscriptions\": [" + subscription("gold-a", "gold", KEY_A) + ", "
                + subscription("gold-b", "gold", KEY_B) + ", " + subscription("fast-a", "fast", FAST_KEY) + ", "
                + subscription("silver-a", "silver", SILVER_KEY) + "]}";
    }

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        gateway = new InProcessGateway(dir, config(1, "X-Left"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        backend.close();
    }

    private static HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path));
        if (key != null) {
            request.header("Ocp-Apim-Subscription-Key", key);
        }
        return gateway.send(request);
    }

    @Test
    void twoSubscriptionsCountApartAndTheirCountersOutliveANewRevision() throws Exception {
        HttpResponse<String> first = get("/gold/a", KEY_A);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("1", first.headers().firstValue("X-Left").orElse(null));
        assertEquals("0", get("/gold/a", KEY_A).headers().firstValue("X-Left").orElse(null));
        int received = backend.requestsReceived();

        HttpResponse<String> refused = get("/gold/a", KEY_A);
        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals("RateLimitExceeded", refused.headers().firstValue("X-Error-Reason").orElse(null));
        int retryAfter = Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 300, "Retry-After " + retryAfter);
        JsonNode error = Json.parse(refused.body());
        assertEquals(429, error.get("statusCode").asInt());
        assertEquals("Rate limit is exceeded. Try again in " + retryAfter + " seconds.", error.get("message").asText());
        assertEquals(received, backend.requestsReceived(), "the refused call never reached the backend");

        assertEquals("1", get("/gold/a", KEY_B).headers().firstValue("X-Left").orElse(null), "B has its own count");

        gateway.reconfigure(config(2, "X-Remaining"), 2);
        assertEquals(429, get("/gold/a", KEY_A).statusCode(), "A's count survived the new revision");
        HttpResponse<String> b = get("/gold/a", KEY_B);
        assertEquals(200, b.statusCode());
        assertEquals("0", b.headers().firstValue("X-Remaining").orElse(null), "B's one call was kept too");
    }

    @Test
    void aOneSecondWindowRenews() throws Exception {
        Await.until("a second call in the same window refused", Duration.ofSeconds(10),
                () -> get("/fast/x", FAST_KEY).statusCode(), status -> status == 429);
        Await.until("the next window lets a call in", Duration.ofSeconds(10),
                () -> get("/fast/x", FAST_KEY).statusCode(), status -> status == 200);
    }

    @Test
    void aBandwidthQuotaCountsTheBodiesAndThenAnswers403() throws Exception {
        byte[] body = "x".repeat(3000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HttpResponse<String> upload = gateway.send(HttpRequest.newBuilder(gateway.uri("/silver/upload"))
                .header("Ocp-Apim-Subscription-Key", SILVER_KEY).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertEquals(200, upload.statusCode(), upload.body());
        // the bytes are counted when the exchange ends, which may be just after the client has the response
        HttpResponse<String> refused = Await.until("the 3000 bytes counted against the 2 KB quota",
                Duration.ofSeconds(10), () -> get("/silver/x", SILVER_KEY), response -> response.statusCode() != 200);
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("QuotaExceeded", refused.headers().firstValue("X-Error-Reason").orElse(null));
        String message = Json.parse(refused.body()).get("message").asText();
        assertTrue(message.startsWith("Out of bandwidth quota. Quota will be replenished in 00:"), message);
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void callsWithoutASubscriptionShareOneCounter() throws Exception {
        assertEquals(200, get("/open/x", null).statusCode());
        HttpResponse<String> refused = get("/open/y", null);
        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals("RateLimitExceeded", refused.headers().firstValue("X-Error-Reason").orElse(null));
    }
}
