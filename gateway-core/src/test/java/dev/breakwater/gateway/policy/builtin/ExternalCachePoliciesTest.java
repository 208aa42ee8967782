package dev.breakwater.gateway.policy.builtin;

import static dev.breakwater.gateway.policy.PolicyTesting.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.cache.redis.ExternalCache;
import dev.breakwater.gateway.policy.expression.runtime.json.JToken;
import dev.breakwater.gateway.policy.limits.CounterStoreConfig;
import dev.breakwater.gateway.policy.runtime.ExternalCacheConfig;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.RedisServer;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cache-*-value policies on two replicas' services with {@code cache.external=redis} and a real
 * redis-server: prefer-external (the default) and external go through Redis, so one replica finds what
 * the other stored, with its type; internal stays in each replica; removal reaches Redis, and one that
 * cannot fails the request only with fail-on-cache-removal-error.
 */
class ExternalCachePoliciesTest {

    private RedisServer redis;
    private PolicyServices one;
    private PolicyServices other;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.startOnFreePort();
        one = services();
        other = services();
    }

    private PolicyServices services() throws InterruptedException {
        PolicyServices services = new PolicyServices(new MetricRegistry(), Clock.systemUTC(), PolicyServices.DEFAULT_BODY_LIMIT,
                PolicyServices.DEFAULT_IDENTITY_ENDPOINT, PolicyServices.DEFAULT_AAD_AUTHORITY,
                new CounterStoreConfig("local", "replicated", redis.url(), null, null, Duration.ofMillis(500), false,
                        CounterStoreConfig.DEFAULT_CONCURRENCY_LEASE),
                new ExternalCacheConfig(ExternalCacheConfig.REDIS, ExternalCache.DEFAULT_MAX_VALUE_BYTES));
        Await.until("the external cache is connected", Duration.ofSeconds(10), () -> services.externalCache().available());
        return services;
    }

    @AfterEach
    void stop() throws Exception {
        one.close();
        other.close();
        redis.close();
    }

    private static PolicyContext run(PolicyServices services, String inbound) throws Exception {
        return PolicyTesting.flow(PolicyTesting.pipeline(PolicyTesting.environment(services), null, null,
                in(Section.INBOUND, inbound), Set.of()), PolicyTesting.context());
    }

    @Test
    void aValueStoredOnOneReplicaIsFoundOnTheOtherWithItsType() throws Exception {
        run(one, "<cache-store-value key=\"n\" value=\"@(40 + 2)\" duration=\"60\"/>"
                + "<cache-store-value key=\"j\" value=\"@(new JObject(new JProperty(&quot;a&quot;, 1)))\" duration=\"60\""
                + " caching-type=\"external\"/>");
        PolicyContext found = run(other, "<cache-lookup-value key=\"n\" variable-name=\"n\"/>"
                + "<cache-lookup-value key=\"j\" variable-name=\"j\" caching-type=\"external\"/>");
        assertEquals(42, found.variables().get("n"), "an int stays an int");
        assertEquals("{\"a\":1}", ((JToken) found.variables().get("j")).toJson(false));
        assertEquals("i32:42", redis.command("GET breakwater:replicated:cache:value:n"));
    }

    @Test
    void internalStaysInItsReplicaAndRemovalReachesRedis() throws Exception {
        run(one, "<cache-store-value key=\"i\" value=\"mine\" duration=\"60\" caching-type=\"internal\"/>");
        assertEquals("mine", run(one, "<cache-lookup-value key=\"i\" variable-name=\"v\" caching-type=\"internal\"/>")
                .variables().get("v"));
        assertFalse(run(other, "<cache-lookup-value key=\"i\" variable-name=\"v\" caching-type=\"internal\"/>")
                .variables().containsKey("v"));
        assertEquals("none", run(one, "<cache-lookup-value key=\"i\" variable-name=\"v\" default-value=\"none\"/>")
                .variables().get("v"), "not in the external cache");

        run(one, "<cache-store-value key=\"r\" value=\"shared\" duration=\"60\"/>");
        run(other, "<cache-remove-value key=\"r\"/>");
        assertFalse(run(one, "<cache-lookup-value key=\"r\" variable-name=\"v\"/>").variables().containsKey("v"));
        assertTrue(one.externalCache().available());
    }

    @Test
    void aRemovalThatCannotReachRedisFailsOnlyWithFailOnCacheRemovalError() throws Exception {
        run(one, "<cache-store-value key=\"r\" value=\"shared\" duration=\"60\"/>");
        redis.stop();
        PolicyContext tolerated = run(one, "<cache-remove-value key=\"r\"/>");
        assertEquals(200, tolerated.response().status(), "by default a failed removal is ignored");
        PolicyContext failed = run(one, "<cache-remove-value key=\"r\" fail-on-cache-removal-error=\"@(true)\"/>");
        assertEquals(500, failed.response().status());
        assertEquals("cache-remove-value", failed.lastError().source());
        assertEquals("CacheRemovalError", failed.lastError().reason());
    }
}
