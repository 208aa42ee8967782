package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.documentWith;
import static dev.breakwater.runner.Documents.operation;
import static dev.breakwater.runner.Documents.operations;
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
 * Two replicas of one gateway (one gateway.name, cache.external=redis, counters local) on one real
 * redis-server share the external cache: a cache-store-value on one is found by cache-lookup-value on
 * the other, and a response cache-store kept by one is a hit on the other (the backend is called
 * once), both with the policies' default caching-type (prefer-external). When Redis is killed,
 * requests are still answered from each replica's internal cache and /status says so; when it is
 * started again, the replicas share the cache again without a restart.
 */
class ExternalCacheIT {

    private static final String KEY = "@(&quot;k-&quot; + context.Request.Headers.GetValueOrDefault(&quot;X-Key&quot;, &quot;&quot;))";

    @TempDir
    static Path dir;
    static RedisReplicas replicas;
    static InProcessGateway first;
    static InProcessGateway second;

    @BeforeAll
    static void start() throws Exception {
        replicas = new RedisReplicas(dir, "replicated", Map.of(GatewaySettings.CACHE_EXTERNAL, "redis"));
        String store = "<cache-store-value key=\"" + KEY + "\" value=\"@(context.Request.Headers.GetValueOrDefault("
                + "&quot;X-Value&quot;, &quot;&quot;))\" duration=\"300\"/>"
                + "<return-response><set-status code=\"204\" reason=\"Stored\"/></return-response>";
        String lookup = "<cache-lookup-value key=\"" + KEY + "\" variable-name=\"found\" default-value=\"(none)\"/>"
                + "<return-response><set-status code=\"200\" reason=\"OK\"/>"
                + "<set-body>@((string)context.Variables[&quot;found&quot;])</set-body></return-response>";
        String responseLookup = "<cache-lookup vary-by-developer=\"false\" vary-by-developer-groups=\"false\">"
                + "<vary-by-query-parameter>t</vary-by-query-parameter></cache-lookup>";
        String config = documentWith(1, null, "[]", "[]", api("shared", "shared", replicas.backend.url(), null,
                operations(operation("store", "POST", "/values", policies(store, "")),
                        operation("lookup", "GET", "/values", policies(lookup, "")),
                        operation("echo", "GET", "/echo", policies(responseLookup, "<cache-store duration=\"300\"/>")))));
        first = replicas.replica("first", config);
        second = replicas.replica("second", config);
    }

    @AfterAll
    static void stop() throws Exception {
        if (replicas != null) {
            replicas.close();
        }
    }

    private static String policies(String inbound, String outbound) {
        return "<policies><inbound><base/>" + inbound + "</inbound><backend><base/></backend><outbound><base/>"
                + outbound + "</outbound><on-error><base/></on-error></policies>";
    }

    private static void storeValue(InProcessGateway gateway, String key, String value) throws Exception {
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/shared/values"))
                .header("X-Key", key).header("X-Value", value).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, response.statusCode(), response.body());
    }

    private static String lookupValue(InProcessGateway gateway, String key) throws Exception {
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/shared/values")).header("X-Key", key));
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static HttpResponse<String> echo(InProcessGateway gateway, String t) throws Exception {
        HttpResponse<String> response = gateway.get("/shared/echo?t=" + t);
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static JsonNode cache(InProcessGateway gateway) throws Exception {
        return gateway.status().get("cache");
    }

    @Test
    void theReplicasShareTheCacheUseTheirOwnWhileRedisIsGoneAndShareAgainWhenItIsBack() throws Exception {
        // a value stored through one replica is found through the other
        storeValue(first, "a", "from the first replica");
        assertEquals("from the first replica", lookupValue(second, "a"));
        assertEquals("(none)", lookupValue(second, "never-stored"));

        // a response cached by one replica is a hit on the other: the backend is called once
        int before = replicas.backend.requestsReceived();
        HttpResponse<String> miss = echo(first, "one");
        assertEquals(before + 1, replicas.backend.requestsReceived());
        HttpResponse<String> hit = echo(second, "one");
        assertEquals(miss.body(), hit.body());
        assertEquals(before + 1, replicas.backend.requestsReceived(), "served from Redis by the other replica");
        assertEquals("redis", cache(first).get("external").asText());
        assertTrue(cache(first).get("available").asBoolean());

        replicas.redis.stop();
        // every request is still answered, each replica caching alone in its internal cache
        storeValue(first, "b", "kept by the first alone");
        assertEquals("kept by the first alone", lookupValue(first, "b"));
        assertEquals("(none)", lookupValue(second, "b"), "not shared while Redis is gone");
        int during = replicas.backend.requestsReceived();
        echo(first, "down");
        echo(first, "down");
        assertEquals(during + 1, replicas.backend.requestsReceived(),
                "the first replica's internal cache served the second call");
        echo(second, "down");
        assertEquals(during + 2, replicas.backend.requestsReceived(), "the second replica has its own internal cache");
        assertFalse(cache(first).get("available").asBoolean());
        assertFalse(cache(second).get("available").asBoolean());
        assertEquals("redis", cache(second).get("external").asText());

        replicas.redis.start(); // on the same port, without its data
        for (InProcessGateway gateway : new InProcessGateway[] {first, second}) {
            Await.until("the replica uses Redis again", Duration.ofSeconds(30), () -> {
                lookupValue(gateway, "probe");
                return cache(gateway).get("available").asBoolean();
            });
        }
        storeValue(second, "c", "shared again");
        assertEquals("shared again", lookupValue(first, "c"), "one cache again, without a restart");
    }
}
