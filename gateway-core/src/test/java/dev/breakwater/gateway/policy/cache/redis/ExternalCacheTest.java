package dev.breakwater.gateway.policy.cache.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.policy.cache.CachedResponse;
import dev.breakwater.gateway.policy.cache.ResponseCache;
import dev.breakwater.gateway.policy.cache.ValueCache;
import dev.breakwater.gateway.policy.expression.runtime.DotNetDateTime;
import dev.breakwater.gateway.policy.expression.runtime.DotNetTimeSpan;
import dev.breakwater.gateway.policy.expression.runtime.DotNetUri;
import dev.breakwater.gateway.policy.expression.runtime.json.JToken;
import dev.breakwater.gateway.policy.expression.runtime.json.JsonText;
import dev.breakwater.gateway.policy.limits.redis.RedisConnections;
import dev.breakwater.gateway.policy.limits.redis.RedisConnector;
import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.testing.Await;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The external cache against a real redis-server: values of every type the value cache takes and
 * responses come back as they went in, from another replica's cache too; entries expire in Redis after
 * their duration; a value over the bound is not stored; while Redis is killed the internal cache
 * answers, and Redis is used again once it is back.
 */
class ExternalCacheTest {

    private final Clock clock = Clock.systemUTC();
    private RedisConnections connections;
    private RedisConnector connector;
    private RedisConnector otherConnector;

    @BeforeEach
    void start() throws Exception {
        connections = new RedisConnections();
        connector = connections.connect(Duration.ofMillis(500), clock);
        otherConnector = connections.connect(Duration.ofMillis(500), clock);
    }

    @AfterEach
    void stop() throws Exception {
        if (connections != null) {
            connections.close();
        }
    }

    /** A replica's external cache: its own connection and internal caches, the gateway name shared. */
    private ExternalCache cache(RedisConnector through, long maxBytes) {
        return new ExternalCache(through, "gw", maxBytes, connections.executor, new ValueCache(clock),
                new ResponseCache(clock), clock);
    }

    private static <T> T answer(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void everyValueTypeRoundTripsThroughRedisToAnotherReplica() throws Exception {
        ExternalCache one = cache(connector, ExternalCache.DEFAULT_MAX_VALUE_BYTES);
        ExternalCache other = cache(otherConnector, ExternalCache.DEFAULT_MAX_VALUE_BYTES);
        List<Object> values = List.of("text with ünïcode and : colons", true, 'x', (byte) 7, (short) -3, 42, 1L << 40,
                1.5f, Math.PI, new BigDecimal("12345678901234567890.0001"), new DotNetDateTime(638_000_000_000_000_000L,
                DotNetDateTime.UTC), new DotNetTimeSpan(123_456_789L), UUID.randomUUID(),
                DotNetUri.parse("https://example.com/a?b=c"));
        for (int i = 0; i < values.size(); i++) {
            assertTrue(answer(one.values().storeAsync("k" + i, values.get(i), 60)));
        }
        for (int i = 0; i < values.size(); i++) {
            Object back = answer(other.values().lookupAsync("k" + i));
            assertEquals(values.get(i).getClass(), back.getClass(), "type of " + values.get(i));
            assertEquals(values.get(i), back);
        }
        assertTrue(answer(one.values().storeAsync("bytes", new byte[] {0, -1, 2}, 60)));
        assertArrayEquals(new byte[] {0, -1, 2}, (byte[]) answer(other.values().lookupAsync("bytes")));
        JToken json = JsonText.parse("{\"a\":[1,2.5,\"x\",null,true],\"b\":{\"c\":\"d\"}}");
        assertTrue(answer(one.values().storeAsync("json", json, 60)));
        Object token = answer(other.values().lookupAsync("json"));
        assertInstanceOf(JToken.class, token);
        assertEquals(json.toJson(false), ((JToken) token).toJson(false));
        assertTrue(one.available());
        // namespaced by the gateway's name, with the policy's duration
        assertEquals(":1", connections.redis.command("EXISTS breakwater:gw:cache:value:k0"));
        long ttl = Long.parseLong(connections.redis.command("PTTL breakwater:gw:cache:value:k0").substring(1));
        assertTrue(ttl > 0 && ttl <= 60_000, "ttl " + ttl);
    }

    @Test
    void aValueExpiresInRedisAfterItsDurationAndCanBeRemoved() throws Exception {
        ExternalCache one = cache(connector, ExternalCache.DEFAULT_MAX_VALUE_BYTES);
        assertTrue(answer(one.values().storeAsync("short", "s", 1)));
        assertTrue(answer(one.values().storeAsync("gone", "g", 60)));
        assertTrue(answer(one.values().removeAsync("gone")), "removed from Redis");
        assertNull(answer(one.values().lookupAsync("gone")));
        assertEquals("s", answer(one.values().lookupAsync("short")));
        Await.until("the value expired in Redis", Duration.ofSeconds(10),
                () -> answer(one.values().lookupAsync("short")) == null);
        assertFalse(answer(one.values().storeAsync("never", "n", 0)), "no positive duration: not stored");
    }

    @Test
    void aValueOverTheBoundIsNotStoredAnywhere() throws Exception {
        ExternalCache one = cache(connector, 1024);
        assertFalse(answer(one.values().storeAsync("big", "x".repeat(2000), 60)));
        assertFalse(answer(one.values().storeAsync("wide", "é".repeat(600), 60)), "1200 UTF-8 bytes");
        assertNull(answer(one.values().lookupAsync("big")));
        assertNull(answer(one.values().lookupAsync("wide")));
        assertTrue(answer(one.values().storeAsync("small", "x".repeat(500), 60)));
        assertEquals(null, connections.redis.command("GET breakwater:gw:cache:value:big"));
    }

    @Test
    void aResponseRoundTripsWithItsStatusHeadersBodyAndSecondsLeft() throws Exception {
        ExternalCache one = cache(connector, ExternalCache.DEFAULT_MAX_VALUE_BYTES);
        ExternalCache other = cache(otherConnector, ExternalCache.DEFAULT_MAX_VALUE_BYTES);
        Headers headers = new Headers().add("Content-Type", "application/octet-stream").add("X-Multi", "a")
                .add("X-Multi", "b");
        byte[] body = {1, 2, 3, (byte) 0xff, 0};
        assertTrue(answer(one.responses().storeAsync("r", CachedResponse.of(203, "Partial", headers, body), 30)));
        ResponseCache.Hit hit = answer(other.responses().lookupAsync("r"));
        assertEquals(203, hit.response().status());
        assertEquals("Partial", hit.response().reason());
        assertEquals(List.of("a", "b"), hit.response().headers().all("X-Multi"));
        assertEquals("application/octet-stream", hit.response().headers().all("Content-Type").get(0));
        assertArrayEquals(body, hit.response().body());
        assertTrue(hit.secondsLeft() > 25 && hit.secondsLeft() <= 30, "left " + hit.secondsLeft());
        assertNull(answer(other.responses().lookupAsync("missing")));
        ExternalCache small = cache(connector, 1024);
        assertFalse(answer(small.responses().storeAsync("large", CachedResponse.of(200, null, new Headers(),
                "y".repeat(4000).getBytes(StandardCharsets.UTF_8)), 30)));
    }

    @Test
    void whileRedisIsGoneTheInternalCacheAnswersAndRedisIsUsedAgainOnceBack() throws Exception {
        ExternalCache one = cache(connector, ExternalCache.DEFAULT_MAX_VALUE_BYTES);
        assertTrue(answer(one.values().storeAsync("shared", "in redis", 60)));
        connections.redis.stop();
        assertTrue(answer(one.values().storeAsync("local", "kept internally", 60)), "stored, internally");
        assertEquals("kept internally", answer(one.values().lookupAsync("local")));
        assertTrue(answer(one.responses().storeAsync("r", CachedResponse.of(200, null, new Headers(), new byte[] {1}), 60)));
        assertArrayEquals(new byte[] {1}, answer(one.responses().lookupAsync("r")).response().body());
        assertFalse(one.available());
        assertFalse(answer(one.values().removeAsync("shared")), "a removal says that Redis was not reached");

        connections.redis.start(); // on its port, without its data
        Await.until("the cache uses Redis again", Duration.ofSeconds(30), () -> {
            answer(one.values().lookupAsync("probe"));
            return one.available();
        });
        assertNull(answer(one.values().lookupAsync("local")), "Redis answers again: the internal copy is not read");
        assertTrue(answer(one.values().storeAsync("again", "in redis", 60)));
        assertEquals("s:in redis", connections.redis.command("GET breakwater:gw:cache:value:again"));
    }
}
