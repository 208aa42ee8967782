package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.Json;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of one gateway on one real redis-server share one limit-concurrency of max-count 2
 * around forward-request, with a backend that holds its answers: with one request held through each
 * replica, a third gets 429 from either replica and never reaches the backend; once the backend
 * answers, the slots are free again. When Redis is killed while slots are held, the replicas keep
 * answering, each counting alone (counters.redis.unavailable=local), a replica set to refuse answers
 * 503, and once Redis is back the replicas share one limit again, without a restart.
 */
class SharedConcurrencyIT {

    private static final String POLICY = "<policies><inbound><base/></inbound><backend>"
            + "<limit-concurrency key=\"backend\" max-count=\"2\"><forward-request timeout=\"60\"/></limit-concurrency>"
            + "</backend><outbound><base/></outbound>" + OneApiGateway.ON_ERROR_REASON + "</policies>";

    /** max-count 1 around a forward-request to a closed port: a slot not given back would refuse the next call. */
    private static final String FAILING = "<policies><inbound><base/></inbound><backend>"
            + "<limit-concurrency key=\"failing\" max-count=\"1\"><forward-request timeout=\"10\"/></limit-concurrency>"
            + "</backend><outbound><base/></outbound>" + OneApiGateway.ON_ERROR_REASON + "</policies>";

    @TempDir
    static Path dir;
    static RedisReplicas replicas;
    static InProcessGateway first;
    static InProcessGateway second;
    /** A replica set to refuse while Redis is gone (counters.redis.unavailable=refuse). */
    static InProcessGateway refusing;

    @BeforeAll
    static void start() throws Exception {
        replicas = new RedisReplicas(dir, "replicated", Map.of(GatewaySettings.COUNTERS_STORE, "redis",
                GatewaySettings.COUNTERS_CONCURRENCY_LEASE, "30s"));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String config = document(1, null, api("limited", "limited", replicas.backend.url(), POLICY, ""),
                api("down", "down", "http://127.0.0.1:" + closedPort, FAILING, ""));
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

    /** Sends {@code /limited/hold/<name>} through each gateway in turn and waits until the backend holds them all. */
    private static List<CompletableFuture<HttpResponse<String>>> hold(String name, InProcessGateway... through)
            throws Exception {
        int heldBefore = replicas.backend.held();
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < through.length; i++) {
            InProcessGateway gateway = through[i];
            held.add(gateway.client.sendAsync(HttpRequest.newBuilder(gateway.uri("/limited/hold/" + name + i))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Await.until(through.length + " requests held at the backend", Duration.ofSeconds(10),
                () -> replicas.backend.held() == heldBefore + through.length);
        return held;
    }

    private static void assertAnsweredOnceReleased(List<CompletableFuture<HttpResponse<String>>> held) throws Exception {
        replicas.backend.releaseHeld();
        for (CompletableFuture<HttpResponse<String>> request : held) {
            HttpResponse<String> response = request.get(30, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(Echo.parse(response.body()).uri().startsWith("/hold/"), response.body());
        }
    }

    private static void assertRefused(InProcessGateway gateway, int status, String reason) throws Exception {
        int received = replicas.backend.requestsReceived();
        HttpResponse<String> refused = gateway.get("/limited/over");
        assertEquals(status, refused.statusCode(), refused.body());
        assertEquals(reason, refused.headers().firstValue("X-Error-Reason").orElse(null));
        assertEquals(status, Json.parse(refused.body()).get("statusCode").asInt());
        assertEquals(received, replicas.backend.requestsReceived(), "the refused request never reached the backend");
    }

    private static boolean available(InProcessGateway gateway) throws Exception {
        JsonNode counters = gateway.status().get("counters");
        return counters.get("available").asBoolean();
    }

    @Test
    void oneRequestHeldThroughEachReplicaFillsTheSharedLimitAndTheSlotsComeBack() throws Exception {
        for (int round = 1; round <= 2; round++) {
            replicas.backend.holdAgain();
            List<CompletableFuture<HttpResponse<String>>> held = hold("shared" + round, first, second);
            long ttl = Long.parseLong(replicas.redis.command("PTTL breakwater:replicated:concurrency:backend")
                    .substring(1));
            assertTrue(ttl > 0 && ttl <= 30_000, "the slots end with counters.concurrency.lease (30 s), not 5 minutes: "
                    + ttl);
            assertRefused(first, 429, "ConcurrencyLimitExceeded");
            assertRefused(second, 429, "ConcurrencyLimitExceeded");
            HttpResponse<String> over = second.get("/limited/over");
            assertEquals("Concurrency limit is exceeded", Json.parse(over.body()).get("message").asText());

            assertAnsweredOnceReleased(held);
            for (int i = 0; i < 4; i++) {
                InProcessGateway gateway = i % 2 == 0 ? first : second;
                assertEquals(200, gateway.get("/limited/after-" + i).statusCode(), "round " + round
                        + ": the slots were given back in Redis");
            }
        }
    }

    @Test
    void whileRedisIsGoneRequestsAreAnsweredAsTheDegradationSettingSaysAndTheLimitIsSharedAgainWhenItIsBack()
            throws Exception {
        replicas.backend.holdAgain();
        List<CompletableFuture<HttpResponse<String>>> heldInRedis = hold("before", first, second);
        assertRefused(first, 429, "ConcurrencyLimitExceeded");

        replicas.redis.stop();
        List<CompletableFuture<HttpResponse<String>>> heldAlone;
        try {
            // each replica counts alone, from zero: two more are let in through the first, a third is refused
            heldAlone = hold("alone", first, first);
            assertRefused(first, 429, "ConcurrencyLimitExceeded");
            assertFalse(available(first));
            assertRefused(refusing, 503, "CounterStoreUnavailable");
            HttpResponse<String> unavailable = refusing.get("/limited/unavailable");
            assertTrue(Json.parse(unavailable.body()).get("message").asText().contains("cannot be reached"),
                    unavailable.body());
            // the slots taken in Redis are released while it is gone: their requests are answered all the same
            assertAnsweredOnceReleased(heldInRedis);
            assertAnsweredOnceReleased(heldAlone);
            assertEquals(200, second.get("/limited/alone").statusCode());
        } finally {
            replicas.redis.start(); // on the same port, without its data
        }
        for (InProcessGateway gateway : new InProcessGateway[] {first, second}) {
            Await.until("the replica takes its slots in Redis again", Duration.ofSeconds(30), () -> {
                gateway.get("/limited/probe");
                return available(gateway);
            });
        }
        replicas.backend.holdAgain();
        List<CompletableFuture<HttpResponse<String>>> heldAgain = hold("after", first, second);
        assertRefused(first, 429, "ConcurrencyLimitExceeded");
        assertRefused(second, 429, "ConcurrencyLimitExceeded");
        assertAnsweredOnceReleased(heldAgain);
        assertEquals(200, first.get("/limited/done").statusCode());
    }

    @Test
    void aSlotTakenInRedisIsGivenBackWhenTheEnclosedPoliciesFail() throws Exception {
        for (int i = 0; i < 3; i++) {
            InProcessGateway gateway = i % 2 == 0 ? first : second;
            HttpResponse<String> failed = gateway.get("/down/call-" + i);
            assertEquals(502, failed.statusCode(), "call " + i + " reached the backend's failure, not 429: "
                    + failed.body());
        }
        Await.until("no slot of the key is left in Redis", Duration.ofSeconds(10),
                () -> ":0".equals(replicas.redis.command("EXISTS breakwater:replicated:concurrency:failing")));
    }
}
