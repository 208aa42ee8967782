package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.Gauge;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.TestBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step that waits holds no thread: more requests wait in a pausing policy at once than the
 * runner has threads; while all of them wait, the thread pool is nearly idle; and every request
 * then completes through the rest of its pipeline (forward-request, outbound) on the thread that
 * woke it. Busy threads are sampled only while every request waits, and only from half a second
 * after the last one began to: as 300 requests arrive at once, the threads that took the last of
 * them are still returning to the pool for a moment, which says nothing about waiting (a fast CI
 * machine once sampled 145 busy at that instant).
 */
class PausingPipelineIT {

    private static final int REQUESTS = 300;
    private static final long SETTLE_NANOS = Duration.ofMillis(500).toNanos();

    @TempDir
    static Path dir;
    static TestBackend backend;
    static InProcessGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        gateway = new InProcessGateway(dir, document(1, null, api("paused", "paused", backend.url(),
                "<policies><inbound><base/><test-pause millis=\"5000\"/><set-header name=\"X-After\">"
                        + "<value>resumed</value></set-header></inbound><outbound><base/><set-header name=\"X-Out\">"
                        + "<value>@(context.Response.StatusCode.ToString())</value></set-header></outbound></policies>",
                "")));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        backend.close();
    }

    @Test
    void requestsWaitingInAStepHoldNoThread() throws Exception {
        int before = PausePolicy.WAITING.get();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            responses.add(gateway.client.sendAsync(HttpRequest.newBuilder(gateway.uri("/paused/x" + i))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        int maxWaiting = 0;
        int maxBusy = 0;
        int samplesWhileAllWait = 0;
        long allWaitingSince = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).isDone()) {
            assertTrue(System.nanoTime() < deadline, "all requests answered within 30 s");
            int waiting = PausePolicy.WAITING.get() - before;
            int busy = busyThreads();
            maxWaiting = Math.max(maxWaiting, waiting);
            if (waiting != REQUESTS) {
                allWaitingSince = 0;
            } else if (allWaitingSince == 0) {
                allWaitingSince = System.nanoTime();
            } else if (System.nanoTime() - allWaitingSince >= SETTLE_NANOS
                    && PausePolicy.WAITING.get() - before == REQUESTS) {
                samplesWhileAllWait++;
                maxBusy = Math.max(maxBusy, busy);
            }
            Thread.sleep(10);
        }
        for (CompletableFuture<HttpResponse<String>> future : responses) {
            HttpResponse<String> response = future.get();
            assertEquals(200, response.statusCode());
            assertEquals("resumed", Echo.parse(response.body()).firstHeader("X-After"));
            assertEquals("200", response.headers().firstValue("X-Out").orElseThrow());
        }
        System.out.printf("PausingPipelineIT: %d requests waiting at once at most; while all waited (%d samples), "
                + "busiest: %d of 200 threads%n", maxWaiting, samplesWhileAllWait, maxBusy);
        assertEquals(REQUESTS, maxWaiting, "all requests waited at once, more than the pool's 200 threads");
        assertTrue(samplesWhileAllWait > 0, "the pool was sampled while all requests waited");
        assertTrue(maxBusy < 100, "the pool stayed nearly idle while they waited: " + maxBusy + " busy");
    }

    private static int busyThreads() {
        Gauge<?> busy = gateway.server.gateway().registry().getGauges().get("jetty.threads.busy");
        return ((Number) busy.getValue()).intValue();
    }
}
