package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static dev.breakwater.runner.Documents.operation;
import static dev.breakwater.runner.Documents.operations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.testing.TestBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cors through the real runner: preflights answered by the gateway (also for an API that has no
 * OPTIONS operation), CORS headers on the backend's response, a disallowed origin ended as APIM does.
 */
class CorsIT {

    private static final String ORIGIN = "https://app.example.com";

    @TempDir
    static Path dir;
    static TestBackend backend;
    static InProcessGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        String cors = "<policies><inbound><cors allow-credentials=\"true\">"
                + "<allowed-origins><origin>" + ORIGIN + "</origin></allowed-origins>"
                + "<allowed-methods preflight-result-max-age=\"600\"><method>GET</method><method>PUT</method></allowed-methods>"
                + "<allowed-headers><header>Content-Type</header></allowed-headers>"
                + "<expose-headers><header>X-Request-Id</header></expose-headers>"
                + "</cors><base/></inbound></policies>";
        gateway = new InProcessGateway(dir, document(1, null,
                api("shop", "shop", backend.url(), cors, operations(operation("list", "GET", "/items", null))),
                api("plain", "plain", backend.url(), null, operations(operation("list", "GET", "/items", null)))));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        backend.close();
    }

    private static HttpResponse<String> preflight(String path, String origin, String method) throws Exception {
        return gateway.send(HttpRequest.newBuilder(gateway.uri(path)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "content-type"));
    }

    @Test
    void aPreflightIsAnsweredByTheGatewayThoughNoOperationTakesOptions() throws Exception {
        int before = backend.requestsReceived();
        for (String method : new String[] {"GET", "PUT"}) { // GET has an operation, PUT has none
            HttpResponse<String> response = preflight("/shop/items", ORIGIN, method);
            assertEquals(200, response.statusCode(), method);
            assertEquals(ORIGIN, response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
            assertEquals("true", response.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));
            assertEquals("GET,PUT", response.headers().firstValue("Access-Control-Allow-Methods").orElse(null));
            assertEquals("content-type", response.headers().firstValue("Access-Control-Allow-Headers").orElse(null));
            assertEquals("600", response.headers().firstValue("Access-Control-Max-Age").orElse(null));
            assertEquals("", response.body());
        }
        assertEquals(before, backend.requestsReceived(), "the backend never sees a preflight");
    }

    @Test
    void anUnmatchedPreflightGetsAnEmpty200WithoutCorsHeaders() throws Exception {
        int before = backend.requestsReceived();
        HttpResponse<String> response = preflight("/shop/items", "https://evil.example.com", "GET");
        assertEquals(200, response.statusCode());
        assertFalse(response.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        assertEquals(before, backend.requestsReceived());
    }

    @Test
    void anActualRequestFromAnAllowedOriginReachesTheBackendAndGetsTheCorsHeaders() throws Exception {
        int before = backend.requestsReceived();
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/shop/items"))
                .header("Origin", ORIGIN));
        assertEquals(200, response.statusCode());
        assertEquals(before + 1, backend.requestsReceived());
        assertEquals(ORIGIN, response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("true", response.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));
        assertEquals("X-Request-Id", response.headers().firstValue("Access-Control-Expose-Headers").orElse(null));
        assertTrue(response.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Origin")));
    }

    @Test
    void aGetFromADisallowedOriginEndsWithAnEmpty200AndNeverReachesTheBackend() throws Exception {
        int before = backend.requestsReceived();
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/shop/items"))
                .header("Origin", "https://evil.example.com"));
        assertEquals(200, response.statusCode());
        assertEquals("", response.body());
        assertFalse(response.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        assertEquals(before, backend.requestsReceived());
    }

    @Test
    void anApiWithoutCorsRoutesPreflightsAsBefore() throws Exception {
        int before = backend.requestsReceived();
        assertEquals(404, preflight("/plain/items", ORIGIN, "GET").statusCode(), "no OPTIONS operation, no cors");
        assertEquals(before, backend.requestsReceived());
    }
}
