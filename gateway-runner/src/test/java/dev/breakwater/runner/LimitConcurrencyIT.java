package dev.breakwater.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * limit-concurrency around forward-request in the real runner, with a backend that holds its answers:
 * with max-count 2 and two requests held at the backend, a third gets APIM's 429 at once, through
 * on-error, and never reaches the backend; once the backend answers, the slots are free again.
 */
class LimitConcurrencyIT {

    @RegisterExtension
    static final OneApiGateway API = new OneApiGateway("limited",
            "<policies><inbound><base/></inbound><backend><limit-concurrency key=\"backend\" max-count=\"2\">"
                    + "<forward-request timeout=\"60\"/></limit-concurrency></backend><outbound><base/></outbound>"
                    + OneApiGateway.ON_ERROR_REASON + "</policies>");

    @Test
    void theThirdConcurrentRequestGets429AndSlotsComeBackWhenTheBackendAnswers() throws Exception {
        for (int round = 1; round <= 2; round++) {
            if (round > 1) {
                API.backend().holdAgain();
            }
            int heldBefore = API.backend().held();
            List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                held.add(API.gateway().client.sendAsync(
                        HttpRequest.newBuilder(API.gateway().uri("/limited/hold/" + i))
                        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            Await.until("two requests held at the backend", Duration.ofSeconds(10),
                    () -> API.backend().held() == heldBefore + 2);
            int received = API.backend().requestsReceived();

            HttpResponse<String> third = API.gateway().get("/limited/third");
            assertEquals(429, third.statusCode(), third.body());
            assertEquals("ConcurrencyLimitExceeded", third.headers().firstValue("X-Error-Reason").orElse(null));
            JsonNode error = Json.parse(third.body());
            assertEquals(429, error.get("statusCode").asInt());
            assertEquals("Concurrency limit is exceeded", error.get("message").asText());
            assertEquals(received, API.backend().requestsReceived(), "the third never reached the backend");

            API.backend().releaseHeld();
            for (int i = 0; i < held.size(); i++) {
                HttpResponse<String> response = held.get(i).get(30, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode());
                assertEquals("/hold/" + i, Echo.parse(response.body()).uri(), "answered once released");
            }
            for (int i = 0; i < 3; i++) {
                assertEquals(200, API.gateway().get("/limited/after-" + i).statusCode(), "round " + round
                        + ": the slots were given back");
            }
        }
    }
}
