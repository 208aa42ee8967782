package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static dev.breakwater.runner.Documents.operation;
import static dev.breakwater.runner.Documents.operations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.requestlog.RequestLog;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestBackend;
import dev.breakwater.gateway.testing.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the proxy does to traffic: methods, paths, queries, bodies, headers, errors. */
class GatewayProxyIT {

    @TempDir
    static Path dir;
    static TestBackend backend;
    static InProcessGateway gateway;
    static int closedPort;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        gateway = new InProcessGateway(dir, document(1, null,
                api("echo", "echo", backend.url() + "/base", null, ""),
                api("shop", "shop/v1", backend.url(), null, operations(
                        operation("get-item", "GET", "/items/{id}", null),
                        operation("stream", "GET", "/bytes/{n}", null),
                        operation("gate", "GET", "/gate", null),
                        operation("slow", "GET", "/slow/{ms}",
                                "<policies><backend><forward-request timeout=\"1\"/></backend></policies>"))),
                api("down", "down", "http://127.0.0.1:" + closedPort, null, "")));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        backend.close();
    }

    @Test
    void everyMethodReachesTheBackendWithItsBody() throws Exception {
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
            String body = "body of " + method;
            HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/echo/things/1"))
                    .method(method, HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(200, response.statusCode(), method);
            Echo echo = Echo.parse(response.body());
            assertEquals(method, echo.method());
            assertEquals("/base/things/1", echo.uri());
            assertEquals(body.length(), echo.bodyLength(), method);
        }
        HttpResponse<String> head = gateway.send(HttpRequest.newBuilder(gateway.uri("/echo/x"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void expectContinueUploadsPass() throws Exception {
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/echo/continue"))
                .expectContinue(true).POST(HttpRequest.BodyPublishers.ofString("after the 100")));
        assertEquals(200, response.statusCode());
        assertEquals("after the 100".length(), Echo.parse(response.body()).bodyLength());
    }

    @Test
    void pathAndQueryPassUnchangedAndRaw() throws Exception {
        Echo echo = Echo.parse(gateway.get("/echo/a%20b/%E2%82%AC;p=1/c?x=1&y=%C3%A9+z&x=2&empty=&flag").body());
        assertEquals("/base/a%20b/%E2%82%AC;p=1/c", echo.uri());
        assertEquals("x=1&y=%C3%A9+z&x=2&empty=&flag", echo.query());
        assertNull(Echo.parse(gateway.get("/echo").body()).query());
        assertEquals("/base", Echo.parse(gateway.get("/echo").body()).uri());
    }

    @Test
    void largeBodiesStreamBothWaysIntact() throws Exception {
        long size = 64L * 1024 * 1024 + 7;
        HttpResponse<String> upload = gateway.send(HttpRequest.newBuilder(gateway.uri("/echo/upload"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> TestData.stream(size))));
        Echo echo = Echo.parse(upload.body());
        assertEquals(size, echo.bodyLength());
        assertEquals(TestData.sha256Of(size), echo.bodySha256());

        HttpResponse<InputStream> download = gateway.client.send(
                HttpRequest.newBuilder(gateway.uri("/shop/v1/bytes/" + size)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, download.statusCode());
        try (InputStream body = download.body()) {
            assertEquals(TestData.sha256Of(size), TestData.sha256(body));
        }
    }

    @Test
    void chunkedResponsesStreamBeforeTheBackendFinishes() throws Exception {
        HttpResponse<InputStream> response = gateway.client.send(
                HttpRequest.newBuilder(gateway.uri("/shop/v1/gate")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertTrue(response.headers().firstValue("content-length").isEmpty(), "streamed without a length");
        try (InputStream body = response.body()) {
            byte[] first = body.readNBytes("first|".length());
            assertEquals("first|", new String(first, StandardCharsets.UTF_8), "the first chunk came through alone");
            backend.openGate();
            assertEquals("second", new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aBackendThatBreaksOffMidBodyCutsTheClientsResponseAndServingGoesOn() throws Exception {
        HttpResponse<InputStream> response = gateway.client.send(
                HttpRequest.newBuilder(gateway.uri("/echo/breaks/1000")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode(), "the head had gone out already");
        try (InputStream body = response.body()) {
            assertEquals(1000, body.readNBytes(1000).length, "what the backend sent came through");
            backend.breakOff();
            assertThrows(IOException.class, body::readAllBytes, "the response is cut, never completed short");
        }
        assertEquals(200, gateway.get("/echo/after-the-break").statusCode());
    }

    @Test
    void aBackendThatBreaksOffBeforeAnyBodyLeftTheGatewayIs502AndLoggedAs502() throws Exception {
        try (LogCapture requests = new LogCapture(RequestLog.LOGGER)) {
            HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/echo/breaks-sized/1000"))
                    .header("X-Request-Id", "breaks-sized-1"));
            assertEquals(502, response.statusCode(), "the 1000 bytes were still in the gateway's output buffer");
            assertEquals("The backend service is unavailable", Json.error(response.body(), 502));
            JsonNode line = requests.requestLogLine("breaks-sized-1");
            assertEquals(502, line.get("status").asInt(), "logged as what the client got");
            assertEquals(response.body().length(), line.get("bytesOut").asInt());
        }
    }

    @Test
    void hopByHopHeadersAreDroppedAndForwardedHeadersAdded() throws Exception {
        String response = RawHttp.exchange(gateway.server.port(),
                "GET /echo/h HTTP/1.1", "Host: gw.example.com:8080", "Connection: close, X-Drop-Me", "X-Drop-Me: 1",
                "Keep-Alive: timeout=5", "TE: trailers", "Proxy-Authorization: Basic eDp5", "X-Keep: kept",
                "X-Forwarded-For: 203.0.113.9", "X-Request-Id: trace-42");
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.contains("X-Request-Id: trace-42\r\n"), "a well-formed incoming id is kept: " + response);
        Echo echo = Echo.parse(RawHttp.body(response));
        for (String dropped : List.of("x-drop-me", "keep-alive", "te", "proxy-authorization")) {
            assertTrue(echo.header(dropped).isEmpty(), dropped + " reached the backend");
        }
        assertEquals("kept", echo.firstHeader("X-Keep"));
        assertEquals(List.of("203.0.113.9, 127.0.0.1"), echo.header("X-Forwarded-For"));
        assertEquals("http", echo.firstHeader("X-Forwarded-Proto"));
        assertEquals("gw.example.com:8080", echo.firstHeader("X-Forwarded-Host"));
        assertEquals("127.0.0.1:" + backend.port(), echo.firstHeader("Host"));
        assertEquals("trace-42", echo.firstHeader("X-Request-Id"));
    }

    @Test
    void unsafeRequestIdsAreReplaced() throws Exception {
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/echo/x"))
                .header("X-Request-Id", "<script>"));
        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
        assertEquals(id, Echo.parse(response.body()).firstHeader("X-Request-Id"));
    }

    @Test
    void unknownApiAndOperationAre404Json() throws Exception {
        HttpResponse<String> noApi = gateway.get("/nothing/here");
        assertEquals(404, noApi.statusCode());
        assertEquals("{\"statusCode\":404,\"message\":\"Resource not found\"}", noApi.body());
        assertTrue(noApi.headers().firstValue("content-type").orElseThrow().startsWith("application/json"));
        assertTrue(noApi.headers().firstValue("X-Request-Id").isPresent());

        HttpResponse<String> noOperation = gateway.send(HttpRequest.newBuilder(gateway.uri("/shop/v1/items/1"))
                .DELETE());
        assertEquals(404, noOperation.statusCode());
        String message = Json.error(noOperation.body(), 404);
        assertTrue(message.contains("Unable to match incoming request to an operation"), message);
        assertEquals(404, gateway.get("/shop/v1/items").statusCode());
        assertEquals(404, gateway.get("/shopping").statusCode(), "a prefix ends at a segment boundary");
    }

    @Test
    void dotSegmentsAreRefused() throws Exception {
        String response = RawHttp.exchange(gateway.server.port(),
                "GET /echo/%2e%2e/secret HTTP/1.1", "Host: x", "Connection: close");
        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        Json.error(RawHttp.body(response), 400);
    }

    @Test
    void refusedBackendIs502AndSilentBackendIs504() throws Exception {
        HttpResponse<String> refused = gateway.get("/down/x");
        assertEquals(502, refused.statusCode());
        assertEquals("{\"statusCode\":502,\"message\":\"The backend service is unavailable\"}", refused.body());
        assertFalse(refused.body().contains(String.valueOf(closedPort)), "no backend address leaks to the client");
        assertNotNull(refused.headers().firstValue("X-Request-Id").orElse(null));

        HttpResponse<String> slow = gateway.get("/shop/v1/slow/3000");
        assertEquals(504, slow.statusCode());
        assertEquals("{\"statusCode\":504,\"message\":\"The backend did not answer in time\"}", slow.body());
    }

    @Test
    void oversizedHeadersAre431Json() throws Exception {
        String response = RawHttp.exchange(gateway.server.port(),
                "GET /echo/x HTTP/1.1", "Host: x", "Connection: close", "X-Huge: " + "a".repeat(64 * 1024));
        assertTrue(response.startsWith("HTTP/1.1 431"), response.substring(0, Math.min(200, response.length())));
        Json.error(RawHttp.body(response), 431);
    }

    @Test
    void readinessProbeAnswers200WhileServing() throws Exception {
        HttpResponse<String> ready = gateway.get("/status-0123456789abcdef");
        assertEquals(200, ready.statusCode());
    }
}
