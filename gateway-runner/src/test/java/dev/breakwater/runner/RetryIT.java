package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.TestBackend;
import dev.breakwater.gateway.testing.TestData;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** retry around forward-request, through the real runner against real backends. */
class RetryIT {

    @TempDir
    static Path dir;
    static TestBackend backend;
    static InProcessGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        String retryOn503 = "<policies><backend><retry condition=\"@(context.Response.StatusCode == 503)\" count=\"3\" "
                + "interval=\"0\" delta=\"0\"><forward-request/></retry></backend></policies>";
        String retryOnNoAnswer = "<policies><backend><retry condition=\"@(context.Response == null)\" count=\"2\" "
                + "interval=\"0\"><set-variable name=\"tries\" value=\"@(context.Variables.GetValueOrDefault<int>("
                + "\"tries\", 0) + 1)\"/><forward-request/></retry></backend><on-error><set-header name=\"X-Tries\">"
                + "<value>@(context.Variables[\"tries\"].ToString())</value></set-header></on-error></policies>";
        gateway = new InProcessGateway(dir, document(1, null,
                api("flaky", "flaky", backend.url(), retryOn503, ""),
                api("down", "down", "http://127.0.0.1:9", retryOnNoAnswer, "")));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        backend.close();
    }

    @Test
    void retriesUntilAFlakyBackendSucceedsResendingThePostBodyIntact() throws Exception {
        byte[] body = TestData.stream(200_000).readAllBytes();
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/flaky/fails/2/order"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertEquals(200, response.statusCode(), response.body());
        Echo echo = Echo.parse(response.body());
        assertEquals("POST", echo.method());
        assertEquals(body.length, echo.bodyLength(), "the third attempt got the whole body");
        assertEquals(TestData.sha256Of(200_000), echo.bodySha256());
    }

    @Test
    void aBackendThatFailsMoreOftenThanTheRetriesGivesItsLastAnswer() throws Exception {
        HttpResponse<String> response = gateway.get("/flaky/fails/10/bounded");
        assertEquals(503, response.statusCode());
        assertEquals("failure 4", response.body(), "the first attempt and three retries, no more");
    }

    @Test
    void aBackendThatCannotBeReachedIsRetriedThenOnErrorAnswers() throws Exception {
        HttpResponse<String> response = gateway.get("/down/x");
        assertEquals(502, response.statusCode());
        assertEquals("3", response.headers().firstValue("X-Tries").orElseThrow(), "the first attempt and two retries");
        assertEquals("{\"statusCode\":502,\"message\":\"The backend service is unavailable\"}", response.body());
    }
}
