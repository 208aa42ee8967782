package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.testing.Await;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis killed while three replicas take load, then started again: every request is answered as
 * counters.redis.unavailable says (200 from the replicas counting alone, 200 or 503 from the one set
 * to refuse, nothing else, nothing left hanging), and once Redis is back each call is counted once
 * across the replicas: 20 calls of a fresh key, alternating, see the remaining calls fall by exactly
 * one each time, so no call is lost to the outage or counted twice by a retry.
 */
class SharedCountersUnderLoadIT {

    private static final int LIMIT = 100_000;
    private static final String POLICY = "<policies><inbound><base/><rate-limit-by-key calls=\"" + LIMIT + "\" "
            + "renewal-period=\"300\" remaining-calls-header-name=\"X-Remaining\" "
            + "counter-key=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Client&quot;, &quot;anonymous&quot;))\"/>"
            + "</inbound><backend><base/></backend><outbound><base/></outbound><on-error><base/></on-error></policies>";
    private static final int THREADS = 6;
    private static final int REQUESTS_PER_THREAD = 60;

    @TempDir
    static Path dir;
    static RedisReplicas replicas;
    static InProcessGateway first;
    static InProcessGateway second;
    static InProcessGateway refusing;

    @BeforeAll
    static void start() throws Exception {
        replicas = new RedisReplicas(dir, "loaded", Map.of(GatewaySettings.COUNTERS_STORE, "redis"));
        String config = document(1, null, api("counted", "counted", replicas.backend.url(), POLICY, ""));
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

    private static HttpResponse<String> call(InProcessGateway gateway, String client) throws Exception {
        return gateway.client.send(HttpRequest.newBuilder(gateway.uri("/counted/items")).header("X-Client", client)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyRequestIsAnsweredThroughTheOutageAndEachCallCountsOnceWhenRedisIsBack() throws Exception {
        InProcessGateway[] gateways = {first, second, refusing};
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Set<String> unexpected = ConcurrentHashMap.newKeySet();
        ExecutorService load = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> threads = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(load.submit(() -> {
                    for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                        InProcessGateway replica = gateways[(thread + i) % gateways.length];
                        int status = call(replica, "load").statusCode();
                        boolean expected = status == 200 || (replica == refusing && status == 503);
                        if (status == 503) {
                            refused.incrementAndGet();
                        }
                        if (!expected) {
                            unexpected.add((replica == refusing ? "refusing" : "counting") + " answered " + status);
                        }
                        answered.incrementAndGet();
                    }
                    return null;
                }));
            }
            int total = THREADS * REQUESTS_PER_THREAD;
            Await.until("a third of the load is answered", Duration.ofSeconds(60), () -> answered.get() >= total / 3);
            replicas.redis.stop();
            Await.until("two thirds of the load are answered", Duration.ofSeconds(60),
                    () -> answered.get() >= 2 * total / 3);
            replicas.redis.start(); // on the same port, without its data
            for (Future<?> thread : threads) {
                thread.get(120, TimeUnit.SECONDS);
            }
            assertEquals(total, answered.get(), "every request was answered");
        } finally {
            load.shutdownNow();
        }
        assertTrue(unexpected.isEmpty(), "only 200, and 503 from the replica set to refuse: " + unexpected);
        assertTrue(refused.get() > 0, "the replica set to refuse answered 503 during the outage: it came under load");

        for (InProcessGateway replica : gateways) {
            Await.until("the replica counts in Redis again", Duration.ofSeconds(30), () -> {
                call(replica, "probe");
                return replica.status().get("counters").get("available").asBoolean();
            });
        }
        for (int i = 1; i <= 20; i++) {
            HttpResponse<String> response = call(gateways[i % gateways.length], "after");
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(String.valueOf(LIMIT - i), response.headers().firstValue("X-Remaining").orElseThrow(),
                    "call " + i + " of a fresh key, across three replicas, is counted once");
        }
    }
}
