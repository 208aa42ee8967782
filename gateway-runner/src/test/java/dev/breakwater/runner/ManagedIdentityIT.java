package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestBackend;
import dev.breakwater.gateway.testing.TokenService;
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
 * authentication-managed-identity in the real runner, with {@code identity.endpoint} pointing at a
 * token service on loopback that answers as IMDS does: the backend receives the Bearer token;
 * requests that arrive together while the token is fetched share one fetch, and later ones use the
 * cached token; a failed fetch gets the client on-error's 500, or nothing with ignore-error.
 */
class ManagedIdentityIT {

    private static final int TOGETHER = 20;
    private static final int LATER = 30;

    @TempDir
    static Path dir;
    static TokenService tokens;
    static TestBackend backend;
    static InProcessGateway gateway;
    static LogCapture logs;

    @BeforeAll
    static void start() throws Exception {
        logs = new LogCapture(org.slf4j.Logger.ROOT_LOGGER_NAME);
        tokens = new TokenService();
        backend = new TestBackend();
        gateway = new InProcessGateway(dir, document(1, null,
                api("vault", "vault", backend.url(), "<policies><inbound><base/>"
                        + "<authentication-managed-identity resource=\"https://vault.azure.net\"/></inbound></policies>", ""),
                api("storage", "storage", backend.url(), "<policies><inbound><base/>"
                        + "<authentication-managed-identity resource=\"https://storage.azure.com/\"/></inbound></policies>", ""),
                api("lenient", "lenient", backend.url(), "<policies><inbound><base/>"
                        + "<authentication-managed-identity resource=\"https://graph.microsoft.com\" ignore-error=\"true\"/>"
                        + "</inbound></policies>", "")),
                Map.of(GatewaySettings.IDENTITY_ENDPOINT, tokens.url()));
    }

    @AfterAll
    static void stop() throws Exception {
        logs.close();
        gateway.close();
        backend.close();
        tokens.close();
    }

    @Test
    void theBackendGetsTheTokenFetchedOnceForEveryRequest() throws Exception {
        int before = tokens.calls();
        tokens.hold();
        List<CompletableFuture<HttpResponse<String>>> together = new ArrayList<>();
        for (int i = 0; i < TOGETHER; i++) {
            together.add(gateway.client.sendAsync(HttpRequest.newBuilder(gateway.uri("/vault/items/" + i))
                    .header("Authorization", "Basic client-credentials").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        dev.breakwater.gateway.testing.Await.until("the token fetch reached the token service", Duration.ofSeconds(10),
                () -> tokens.calls() > before);
        tokens.release();
        String bearer = "Bearer token-" + (before + 1);
        for (CompletableFuture<HttpResponse<String>> future : together) {
            HttpResponse<String> response = future.get(30, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(List.of(bearer), Echo.parse(response.body()).header("authorization"));
        }
        for (int i = 0; i < LATER; i++) {
            HttpResponse<String> response = gateway.get("/vault/items/later-" + i);
            assertEquals(bearer, Echo.parse(response.body()).firstHeader("authorization"));
        }
        assertEquals(before + 1, tokens.calls(), (TOGETHER + LATER) + " requests, one token fetch");
        Map<String, String> asked = tokens.asked().get(before);
        assertEquals("https://vault.azure.net", asked.get("resource"));
        assertEquals("true", asked.get("Metadata"));
        assertTrue(logs.messages().stream().noneMatch(message -> message.contains(bearer.substring(7))),
                "no log line holds the token");
    }

    @Test
    void aFailedFetchAnswers500AndIgnoreErrorGoesOnWithoutAToken() throws Exception {
        tokens.answerStatus(500);
        try {
            int backendBefore = backend.requestsReceived();
            HttpResponse<String> failed = gateway.get("/storage/blob");
            assertEquals(500, failed.statusCode());
            JsonNode error = Json.parse(failed.body());
            assertTrue(error.get("message").asText().contains("managed identity token"), failed.body());
            assertFalse(failed.body().contains("secret-looking"), "the token service's answer is not repeated");
            assertEquals(backendBefore, backend.requestsReceived(), "no request reached the backend without its token");

            HttpResponse<String> lenient = gateway.get("/lenient/x");
            assertEquals(200, lenient.statusCode());
            assertEquals(List.of(), Echo.parse(lenient.body()).header("authorization"));
            assertTrue(logs.count("WARN", "no managed identity token for resource 'https://storage.azure.com/'",
                    "answered 500") >= 1, "the failure is logged, with why");
            assertTrue(logs.messages().stream().noneMatch(message -> message.contains("secret-looking")),
                    "the token service's answer is in no log line");
        } finally {
            tokens.answerStatus(200);
        }
    }
}
