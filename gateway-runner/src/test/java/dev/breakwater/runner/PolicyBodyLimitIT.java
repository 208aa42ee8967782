package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static dev.breakwater.runner.Documents.operation;
import static dev.breakwater.runner.Documents.operations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A body a policy reads is buffered up to policy.body.max.bytes: a larger request is 413, a larger
 * backend response 502, both as the gateway's JSON errors; a body no policy reads streams whatever
 * its size.
 */
class PolicyBodyLimitIT {

    private static final int LIMIT = 4096;

    @TempDir
    static Path dir;
    static TestBackend backend;
    static InProcessGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        String readsRequest = "<policies><inbound><base/><set-header name=\"X-Length\"><value>"
                + "@(context.Request.Body.As<string>(preserveContent: true).Length.ToString())</value></set-header>"
                + "</inbound></policies>";
        String readsResponse = "<policies><outbound><base/><set-header name=\"X-Length\"><value>"
                + "@(context.Response.Body.As<string>(preserveContent: true).Length.ToString())</value></set-header>"
                + "</outbound></policies>";
        gateway = new InProcessGateway(dir, document(1, null, api("limits", "limits", backend.url(), null, operations(
                        operation("upload", "POST", "/upload", readsRequest),
                        operation("download", "GET", "/download/bytes/{size}", readsResponse),
                        operation("stream", "GET", "/stream/bytes/{size}", null)))),
                Map.of(GatewaySettings.POLICY_BODY_LIMIT, String.valueOf(LIMIT)));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        backend.close();
    }

    @Test
    void aRequestBodyUpToTheLimitIsReadAndForwardedWhole() throws Exception {
        HttpResponse<String> response = upload(LIMIT);
        assertEquals(200, response.statusCode(), response.body());
        Echo echo = Echo.parse(response.body());
        assertEquals(String.valueOf(LIMIT), echo.firstHeader("X-Length"));
        assertEquals(LIMIT, echo.bodyLength(), "preserved: the backend gets the body too");
    }

    @Test
    void aLargerRequestBodyIs413AndNeverReachesTheBackend() throws Exception {
        int before = backend.requestsReceived();
        HttpResponse<String> response = upload(LIMIT + 1);
        assertEquals(413, response.statusCode());
        assertTrue(Json.error(response.body(), 413).contains(String.valueOf(LIMIT)), response.body());
        assertEquals(before, backend.requestsReceived(), "nothing was forwarded");
    }

    @Test
    void aBackendResponseUpToTheLimitIsRead() throws Exception {
        HttpResponse<byte[]> response = download("/limits/download/bytes/" + LIMIT);
        assertEquals(200, response.statusCode());
        assertEquals(LIMIT, response.body().length, "preserved: the client gets the body too");
        // the test data is binary: as text (UTF-8, malformed bytes replaced) it has this many characters
        assertEquals(String.valueOf(new String(response.body(), StandardCharsets.UTF_8).length()),
                response.headers().firstValue("X-Length").orElseThrow(), "the policy read the whole body");
    }

    @Test
    void aLargerBackendResponseIs502() throws Exception {
        HttpResponse<String> response = gateway.get("/limits/download/bytes/" + (LIMIT + 1));
        assertEquals(502, response.statusCode());
        assertTrue(Json.error(response.body(), 502).contains(String.valueOf(LIMIT)), response.body());
    }

    @Test
    void aBodyNoPolicyReadsStreamsWhateverItsSize() throws Exception {
        int size = 64 * LIMIT;
        HttpResponse<byte[]> response = download("/limits/stream/bytes/" + size);
        assertEquals(200, response.statusCode());
        assertEquals(size, response.body().length);
    }

    private static HttpResponse<byte[]> download(String path) throws Exception {
        return gateway.client.send(HttpRequest.newBuilder(gateway.uri(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> upload(int size) throws Exception {
        return gateway.send(HttpRequest.newBuilder(gateway.uri("/limits/upload"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(size))));
    }
}
