package dev.breakwater.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.testing.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * rate-limit-by-key keyed by a request header in the real runner: three calls per key pass to a real
 * backend, the fourth gets APIM's 429 with Retry-After through on-error and never reaches the backend,
 * and another key still passes.
 */
class RateLimitByKeyIT {

    @RegisterExtension
    static final OneApiGateway API = new OneApiGateway("limited",
            "<policies><inbound><base/><rate-limit-by-key calls=\"3\" renewal-period=\"60\" "
                    + "counter-key=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Client&quot;, &quot;anonymous&quot;))\" "
                    + "remaining-calls-header-name=\"X-Remaining\"/></inbound>"
                    + "<backend><base/></backend><outbound><base/></outbound>"
                    + OneApiGateway.ON_ERROR_REASON + "</policies>");

    private static HttpResponse<String> call(String client) throws Exception {
        return API.gateway().send(HttpRequest.newBuilder(API.gateway().uri("/limited/items"))
                .header("X-Client", client));
    }

    @Test
    void threeCallsPassTheFourthIs429AndAnotherKeyStillPasses() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = call("alice");
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(Integer.toString(2 - i), response.headers().firstValue("X-Remaining").orElse(null));
        }
        int received = API.backend().requestsReceived();

        HttpResponse<String> fourth = call("alice");
        assertEquals(429, fourth.statusCode(), fourth.body());
        assertEquals("RateLimitExceeded", fourth.headers().firstValue("X-Error-Reason").orElse(null));
        int retryAfter = Integer.parseInt(fourth.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        JsonNode error = Json.parse(fourth.body());
        assertEquals(429, error.get("statusCode").asInt());
        assertEquals("Rate limit is exceeded. Try again in " + retryAfter + " seconds.", error.get("message").asText());
        assertEquals(received, API.backend().requestsReceived(), "the fourth never reached the backend");

        HttpResponse<String> other = call("bob");
        assertEquals(200, other.statusCode(), "another key has its own count");
        assertEquals(received + 1, API.backend().requestsReceived());
    }
}
