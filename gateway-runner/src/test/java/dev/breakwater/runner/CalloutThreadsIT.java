package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.Gauge;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.TestBackend;
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
 * The test: call-outs to a slow service wait while 200 other requests are served by a small
 * thread pool, because no thread is held while a call-out waits. The gateway runs with the smallest
 * pool its settings allow; more requests than it has threads wait in send-request on a service that
 * holds every answer until the test lets them go (a signal, not a sleep). While they wait, the JVM's
 * threads are read: none stands in send-request or the call-out code, and the gateway's pools hold
 * no more threads than their bounds. Then 200 plain requests are served, and only then the service
 * answers: every waiting request completes with its own answer.
 */
class CalloutThreadsIT {

    private static final int POOL = 8;
    private static final int CALLOUTS = 60;
    private static final int PLAIN = 200;
    /** Frames that would mean a thread waits inside a call-out. */
    private static final List<String> CALLOUT_CODE = List.of("dev.breakwater.gateway.policy.builtin.SendRequestPolicy",
            "dev.breakwater.gateway.policy.builtin.CalloutSpec", "dev.breakwater.gateway.policy.callout.");

    @TempDir
    static Path dir;
    static TestBackend backend;
    /** Holds every answer until released; its own threads wait, not the gateway's. */
    static TestBackend slowService;
    static InProcessGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        slowService = new TestBackend(CALLOUTS + 16);
        String callout = "<policies><inbound><base/>"
                + "<send-request mode=\"new\" response-variable-name=\"answer\" timeout=\"60\">"
                + "<set-url>@(\"" + slowService.url() + "/hold\" + context.Request.OriginalUrl.Path)</set-url>"
                + "</send-request>"
                + "<set-header name=\"X-Answer\"><value>@((string)((IResponse)context.Variables[\"answer\"]).Body.As<JObject>()[\"uri\"])</value></set-header>"
                + "</inbound></policies>";
        gateway = new InProcessGateway(dir, document(1, null,
                api("callout", "callout", backend.url(), callout, ""),
                api("plain", "plain", backend.url(), null, "")),
                Map.of(GatewaySettings.PROXY_MAX_THREADS, String.valueOf(POOL)));
    }

    @AfterAll
    static void stop() throws Exception {
        slowService.releaseHeld();
        gateway.close();
        slowService.close();
        backend.close();
    }

    @Test
    void callOutsToASlowServiceHoldNoThreadWhileASmallPoolServesOthers() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < CALLOUTS; i++) {
            waiting.add(sendAsync("/callout/c" + i));
        }
        Await.until(CALLOUTS + " call-outs waiting at the slow service", Duration.ofSeconds(30),
                () -> slowService.held() == CALLOUTS);

        ThreadCensus whileWaiting = ThreadCensus.take();
        int busy = busyGatewayThreads();
        System.out.printf("CalloutThreadsIT: %d call-outs waiting; gateway pool %d threads (max %d, %d busy: "
                        + "acceptor, selectors and the like), call-out client %d threads, %d JVM threads in all; "
                        + "threads in call-out code: %d%n", CALLOUTS, whileWaiting.gatewayPool, POOL, busy,
                whileWaiting.calloutPool, whileWaiting.all, whileWaiting.inCallout.size());
        assertEquals(List.of(), whileWaiting.inCallout, "no thread waits in send-request");
        assertTrue(whileWaiting.gatewayPool <= POOL, "the gateway's pool stays within " + POOL);
        assertTrue(busy < POOL, "threads of the gateway's pool are free while the call-outs wait: " + busy + " busy");
        assertTrue(CALLOUTS > whileWaiting.gatewayPool + whileWaiting.calloutPool,
                "more requests wait than the gateway has threads for them");

        List<CompletableFuture<HttpResponse<String>>> plain = new ArrayList<>();
        for (int i = 0; i < PLAIN; i++) {
            plain.add(sendAsync("/plain/p" + i));
        }
        CompletableFuture.allOf(plain.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        for (int i = 0; i < PLAIN; i++) {
            HttpResponse<String> response = plain.get(i).get();
            assertEquals(200, response.statusCode());
            assertEquals("/p" + i, Echo.parse(response.body()).uri());
        }
        assertEquals(CALLOUTS, slowService.held());
        assertFalse(waiting.stream().anyMatch(CompletableFuture::isDone), "the call-outs still wait");

        slowService.releaseHeld();
        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        for (int i = 0; i < CALLOUTS; i++) {
            HttpResponse<String> response = waiting.get(i).get();
            assertEquals(200, response.statusCode());
            assertEquals("/hold/callout/c" + i, Echo.parse(response.body()).firstHeader("X-Answer"),
                    "each request got its own call-out's answer");
        }
    }

    private static int busyGatewayThreads() {
        Gauge<?> busy = gateway.server.gateway().registry().getGauges().get("jetty.threads.busy");
        return ((Number) busy.getValue()).intValue();
    }

    private static CompletableFuture<HttpResponse<String>> sendAsync(String path) {
        return gateway.client.sendAsync(HttpRequest.newBuilder(gateway.uri(path)).timeout(Duration.ofSeconds(90)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The JVM's threads at one moment: the gateway's pools, and any thread standing in call-out code. */
    private record ThreadCensus(int all, int gatewayPool, int calloutPool, List<String> inCallout) {

        static ThreadCensus take() {
            int gatewayPool = 0;
            int calloutPool = 0;
            List<String> inCallout = new ArrayList<>();
            Map<Thread, StackTraceElement[]> threads = Thread.getAllStackTraces();
            for (Map.Entry<Thread, StackTraceElement[]> entry : threads.entrySet()) {
                String name = entry.getKey().getName();
                if (name.startsWith("breakwater-http")) {
                    gatewayPool++;
                } else if (name.startsWith("callout")) {
                    calloutPool++;
                }
                for (StackTraceElement frame : entry.getValue()) {
                    if (CALLOUT_CODE.stream().anyMatch(frame.getClassName()::startsWith)) {
                        inCallout.add(name + " (" + entry.getKey().getState() + ") at " + frame);
                        break;
                    }
                }
            }
            return new ThreadCensus(threads.size(), gatewayPool, calloutPool, inCallout);
        }
    }
}
