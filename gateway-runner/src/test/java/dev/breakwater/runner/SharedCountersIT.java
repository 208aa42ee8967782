package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.testing.Await;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of one gateway (two runners, one gateway.name) on one real redis-server share a
 * rate-limit-by-key of 10 calls: 10 pass in total, not 20. When Redis is killed the replicas keep
 * answering, each counting alone (counters.redis.unavailable=local), and /status says so; when Redis
 * is started again on its port, they share one count again without a restart. A replica set to
 * refuse (counters.redis.unavailable=refuse) answers 503 meanwhile. A quota-by-key is shared the same way:
 * 4 calls in total, not 4 per replica.
 */
class SharedCountersIT {

    private static final String POLICY = "<policies><inbound><base/><rate-limit-by-key calls=\"10\" renewal-period=\"60\" "
            + "counter-key=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Client&quot;, &quot;anonymous&quot;))\"/>"
            + "</inbound><backend><base/></backend><outbound><base/></outbound><on-error><base/></on-error></policies>";
    /** A quota-by-key on the grid of first-period-start: its windows are anchored, unlike the rate limit's. */
    private static final String QUOTA = "<policies><inbound><base/><quota-by-key calls=\"4\" renewal-period=\"3600\" "
            + "first-period-start=\"2024-01-01T00:00:00Z\" "
            + "counter-key=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Client&quot;, &quot;anonymous&quot;))\"/>"
            + "</inbound><backend><base/></backend><outbound><base/></outbound><on-error><base/></on-error></policies>";

    @TempDir
    static Path dir;
    static RedisReplicas replicas;
    static InProcessGateway first;
    static InProcessGateway second;
    /** A replica set to refuse while Redis is gone (counters.redis.unavailable=refuse). */
    static InProcessGateway refusing;

    @BeforeAll
    static void start() throws Exception {
        replicas = new RedisReplicas(dir, "replicated", Map.of(GatewaySettings.COUNTERS_STORE, "redis"));
        String config = document(1, null, api("limited", "limited", replicas.backend.url(), POLICY, ""),
                api("quota", "quota", replicas.backend.url(), QUOTA, ""));
        first = replicas.replica("first", config);
        second = replicas.replica("second", config);
        refusing = replicas.replica("refusing", config, Map.of(GatewaySettings.COUNTERS_REDIS_UNAVAILABLE, "refuse"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (replicas != null) {
            replicas.close();
        }
    }

    private static int call(InProcessGateway gateway, String client) throws Exception {
        return send(gateway, "/limited/items", client).statusCode();
    }

    private static HttpResponse<String> send(InProcessGateway gateway, String path, String client) throws Exception {
        return gateway.client.send(HttpRequest.newBuilder(gateway.uri(path)).header("X-Client", client).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** 20 calls of one client, alternating between the replicas: how many passed. */
    private static int passedOfTwenty(String client) throws Exception {
        int passed = 0;
        for (int i = 0; i < 20; i++) {
            int status = call(i % 2 == 0 ? first : second, client);
            assertTrue(status == 200 || status == 429, "status " + status);
            passed += status == 200 ? 1 : 0;
        }
        return passed;
    }

    private static JsonNode counters(InProcessGateway gateway) throws Exception {
        return gateway.status().get("counters");
    }

    @Test
    void theReplicasShareOneLimitCountAloneWhileRedisIsGoneAndShareAgainWhenItIsBack() throws Exception {
        assertEquals(10, passedOfTwenty("alice"), "10 calls in total across both replicas, not 20");
        assertEquals("redis", counters(first).get("store").asText());
        assertTrue(counters(first).get("available").asBoolean());

        replicas.redis.stop();
        // every request is still answered: each replica counts alone, from zero
        assertEquals(20, passedOfTwenty("bob"), "each replica allows 10 on its own while Redis is gone");
        assertFalse(counters(first).get("available").asBoolean());
        assertFalse(counters(second).get("available").asBoolean());
        HttpResponse<String> refused = refusing.client.send(HttpRequest.newBuilder(refusing.uri("/limited/items"))
                .header("X-Client", "bob").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(503, refused.statusCode(), "set to refuse: 503 while the shared counters cannot be reached");
        JsonNode error = dev.breakwater.gateway.testing.Json.parse(refused.body());
        assertEquals(503, error.get("statusCode").asInt());
        assertTrue(error.get("message").asText().contains("cannot be reached"), refused.body());

        replicas.redis.start(); // on the same port, without its data
        for (InProcessGateway gateway : new InProcessGateway[] {first, second}) {
            Await.until("the replica counts in Redis again", Duration.ofSeconds(30), () -> {
                call(gateway, "probe");
                return counters(gateway).get("available").asBoolean();
            });
        }
        assertEquals(10, passedOfTwenty("carol"), "one shared limit again, without a restart");
    }

    @Test
    void theReplicasShareOneQuotaByKey() throws Exception {
        int passed = 0;
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> response = send(i % 2 == 0 ? first : second, "/quota/items", "dave");
            if (response.statusCode() == 200) {
                passed++;
                continue;
            }
            assertEquals(403, response.statusCode(), response.body());
            JsonNode error = dev.breakwater.gateway.testing.Json.parse(response.body());
            assertTrue(error.get("message").asText().startsWith("Out of call volume quota."), response.body());
            int retryAfter = Integer.parseInt(response.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter);
        }
        assertEquals(4, passed, "4 calls in total across both replicas, not 8");
    }
}
