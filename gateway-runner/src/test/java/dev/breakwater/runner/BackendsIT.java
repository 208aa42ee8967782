package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.namedValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;

import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestBackend;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backend entities end to end: credentials, a circuit breaker opening and closing, a pool failing over. */
class BackendsIT {

    @TempDir
    static Path dir;
    @TempDir
    static Path otherDir;
    static TestBackend backend;
    static TestBackend failing;
    static InProcessGateway gateway;

    private static String breaker(int count, String trip, String errorReasons) {
        return ", \"circuitBreaker\": {\"rules\": [{\"name\": \"r\", \"failureCondition\": {\"count\": " + count
                + ", \"interval\": \"PT1M\", \"statusCodeRanges\": [{\"min\": 500, \"max\": 599}]" + errorReasons
                + "}, \"tripDuration\": \"" + trip + "\"}]}";
    }

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        failing = new TestBackend();
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort(); // nothing listens there once it is closed
        }
        String backends = "[{\"id\": \"orders\", \"url\": \"" + backend.url() + "/orders\", \"credentials\": {"
                + "\"header\": {\"x-functions-key\": [\"{{fn-key}}\"]}, \"query\": {\"code\": [\"c1\"]}, "
                + "\"authorization\": {\"scheme\": \"Bearer\", \"parameter\": \"{{fn-key}}\"}}},"
                + "{\"id\": \"flaky\", \"url\": \"" + backend.url() + "/flaky\"" + breaker(2, "PT1S", "") + "},"
                + "{\"id\": \"primary\", \"url\": \"" + failing.url() + "/status/503\""
                + breaker(1, "PT1H", ", \"errorReasons\": [\"BackendConnectionFailure\"]") + "},"
                + "{\"id\": \"standby\", \"url\": \"" + backend.url() + "/standby\"},"
                + "{\"id\": \"unreachable\", \"url\": \"http://127.0.0.1:" + closedPort + "\""
                + breaker(1, "PT1H", ", \"errorReasons\": [\"BackendConnectionFailure\"]") + "},"
                + "{\"id\": \"lb\", \"pool\": {\"services\": [{\"id\": \"/subscriptions/s/resourceGroups/g/providers/"
                + "Microsoft.ApiManagement/service/x/backends/primary\", \"priority\": 1}, "
                + "{\"id\": \"standby\", \"priority\": 2}]}}]";
        String config = "{\"revision\": 1, \"namedValues\": [" + namedValue("k", "fn-key", "s3cret", true) + "], "
                + "\"backends\": " + backends + ", \"apis\": ["
                + api("named", "named", "orders", null, "") + ", "
                + api("byid", "byid", null, "<policies><inbound><set-backend-service backend-id=\"@(\"ord\" + \"ers\")\"/>"
                        + "</inbound></policies>", "") + ", "
                + api("flaky", "flaky", null, "<policies><inbound><set-backend-service backend-id=\"flaky\"/>"
                        + "</inbound></policies>", "") + ", "
                + api("lb", "lb", "lb", null, "") + ", "
                + api("unreachable", "unreachable", "unreachable", null, "") + "]}";
        gateway = new InProcessGateway(dir, config);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        backend.close();
        failing.close();
    }

    @Test
    void everyCallToABackendCarriesItsCredentials() throws Exception {
        for (String api : List.of("named", "byid")) {
            HttpResponse<String> response = gateway.get("/" + api + "/items?x=1");
            assertEquals(200, response.statusCode(), response.body());
            Echo echo = Echo.parse(response.body());
            assertEquals("/orders/items", echo.uri(), api);
            assertEquals("x=1&code=c1", echo.query(), api);
            assertEquals("s3cret", echo.firstHeader("x-functions-key"), api);
            assertEquals("Bearer s3cret", echo.firstHeader("Authorization"), api);
        }
    }

    @Test
    void theCircuitBreakerOpensOnFailuresAnswers503WhileOpenAndCloses() throws Exception {
        assertEquals(500, gateway.get("/flaky/status/500").statusCode());
        assertEquals(502, gateway.get("/flaky/status/502").statusCode());
        int reached = backend.requestsReceived();
        HttpResponse<String> refused = gateway.get("/flaky/echo");
        assertEquals(503, refused.statusCode());
        assertEquals("{\"statusCode\":503,\"message\":\"The backend 'flaky' is unavailable: its circuit breaker is open\"}",
                refused.body());
        assertEquals(reached, backend.requestsReceived(), "the backend is spared while the breaker is open");
        HttpResponse<String> after = Await.until("the breaker closes after its 1 s trip duration",
                Duration.ofSeconds(10), () -> gateway.get("/flaky/echo"), response -> response.statusCode() == 200);
        assertEquals("/flaky/echo", Echo.parse(after.body()).uri());
    }

    @Test
    void aBackendThatCannotBeReachedTripsABreakerThatCountsConnectionFailures() throws Exception {
        assertEquals("The backend service is unavailable", Json.error(gateway.get("/unreachable/x").body(), 502));
        assertEquals("The backend 'unreachable' is unavailable: its circuit breaker is open",
                Json.error(gateway.get("/unreachable/x").body(), 503), "one connection failure trips this rule");
    }

    @Test
    void aPoolFailsOverToTheNextPriorityWhenTheFirstOnesBreakerOpens() throws Exception {
        HttpResponse<String> first = gateway.get("/lb/item");
        assertEquals(503, first.statusCode(), "the primary's own 503 (which trips its breaker)");
        assertEquals("status 503", first.body());
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> next = gateway.get("/lb/item");
            assertEquals(200, next.statusCode(), next.body());
            assertEquals("/standby/item", Echo.parse(next.body()).uri());
        }
        assertEquals(1, failing.requestsReceived(), "the primary got one request, then its breaker kept it out");
    }

    @Test
    void anUnknownBackendIdFromAnExpressionFailsTheRequestIntoOnError() throws Exception {
        String config = "{\"revision\": 2, \"backends\": [{\"id\": \"orders\", \"url\": \"" + backend.url() + "\"}], "
                + "\"apis\": [" + api("dyn", "dyn", null, "<policies><inbound><set-backend-service "
                + "backend-id=\"@(context.Request.Headers.GetValueOrDefault(\"X-Backend\", \"\"))\"/>"
                + "</inbound></policies>", "") + "]}";
        try (InProcessGateway other = new InProcessGateway(otherDir, config)) {
            HttpResponse<String> ok = other.send(HttpRequest.newBuilder(other.uri("/dyn/x"))
                    .header("X-Backend", "orders"));
            assertEquals(200, ok.statusCode(), ok.body());
            HttpResponse<String> unknown = other.send(HttpRequest.newBuilder(other.uri("/dyn/x"))
                    .header("X-Backend", "nope"));
            assertEquals(500, unknown.statusCode());
            assertTrue(unknown.body().contains("backend-id 'nope' names no backend; defined: orders"), unknown.body());
        }
    }
}
