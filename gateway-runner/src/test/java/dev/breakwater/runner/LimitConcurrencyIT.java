package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * limit-concurrency around forward-request in the real runner, with a backend that holds its answers:
 * with max-count 2 and two requests held at the backend, a third gets APIM's 429 at once, through
 * on-error, and never reaches the backend; once the backend answers, the slots are free again.
 */
class LimitConcurrencyIT {

    @TempDir
    static Path dir;
    static TestBackend backend;
    static InProcessGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        gateway = new InProcessGateway(dir, document(1, null, api("limited", "limited", backend.url(),
                "<policies><inbound><base/></inbound><backend><limit-concurrency key=\"backend\" max-count=\"2\">"
                        + "<forward-request timeout=\"60\"/></limit-concurrency></backend><outbound><base/></outbound>"
                        + "<on-error><base/><set-header name=\"X-Error-Reason\" exists-action=\"override\">"
                        + "<value>@(context.LastError.Reason)</value></set-header></on-error></policies>", "")));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        backend.close();
    }

    @Test
    void theThirdConcurrentRequestGets429AndSlotsComeBackWhenTheBackendAnswers() throws Exception {
        for (int round = 1; round <= 2; round++) {
            if (round > 1) {
                backend.holdAgain();
            }
            int heldBefore = backend.held();
            List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                held.add(gateway.client.sendAsync(HttpRequest.newBuilder(gateway.uri("/limited/hold/" + i))
                        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            Await.until("two requests held at the backend", Duration.ofSeconds(10),
                    () -> backend.held() == heldBefore + 2);
            int received = backend.requestsReceived();

            HttpResponse<String> third = gateway.get("/limited/third");
            assertEquals(429, third.statusCode(), third.body());
            assertEquals("ConcurrencyLimitExceeded", third.headers().firstValue("X-Error-Reason").orElse(null));
            JsonNode error = Json.parse(third.body());
            assertEquals(429, error.get("statusCode").asInt());
            assertEquals("Concurrency limit is exceeded", error.get("message").asText());
            assertEquals(received, backend.requestsReceived(), "the third never reached the backend");

            backend.releaseHeld();
            for (int i = 0; i < held.size(); i++) {
                HttpResponse<String> response = held.get(i).get(30, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode());
                assertEquals("/hold/" + i, Echo.parse(response.body()).uri(), "answered once released");
            }
            for (int i = 0; i < 3; i++) {
                assertEquals(200, gateway.get("/limited/after-" + i).statusCode(), "round " + round
                        + ": the slots were given back");
            }
        }
    }
}
