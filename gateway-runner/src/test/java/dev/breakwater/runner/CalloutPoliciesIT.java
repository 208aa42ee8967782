package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.documentWith;
import static dev.breakwater.runner.Documents.namedValue;
import static dev.breakwater.runner.Documents.operation;
import static dev.breakwater.runner.Documents.operations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.breakwater.gateway.policy.builtin.SendOneWayRequestPolicy;
import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestBackend;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call-out policies through the real runner, with real services: send-request's response read by
 * an expression and returned by return-response, a copy of a request with its body, a service that
 * is down (on-error, or null with ignore-error), a timeout, send-one-way-request that completes after
 * the client has its answer, and authentication-basic as the backend sees it.
 */
class CalloutPoliciesIT {

    @TempDir
    static Path dir;
    static TestBackend backend;
    static TestBackend service;
    /** Never answers until the end: the timeout's service. */
    static TestBackend silent;
    /** Holds send-one-way-request's call until the test lets it go. */
    static TestBackend hook;
    static String down;
    static InProcessGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        service = new TestBackend();
        silent = new TestBackend(8);
        hook = new TestBackend(8);
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            down = "http://127.0.0.1:" + socket.getLocalPort(); // nobody listens there once closed
        }
        String lastError = "<set-header name=\"X-Error\"><value>@(context.LastError.Source + \"|\" "
                + "+ context.LastError.Reason + \"|\" + context.LastError.Section)</value></set-header>";
        gateway = new InProcessGateway(dir, documentWith(1, null,
                "[" + namedValue("pw", "backend-password", "pa55", true) + "]", "[]", api("calls", "calls", backend.url(), null, operations(
                operation("lookup", "GET", "/lookup", inbound(
                        "<send-request mode=\"new\" response-variable-name=\"r\" timeout=\"10\">"
                                + "<set-url>@(\"" + service.url() + "/directory/\" + context.Request.Headers.GetValueOrDefault(\"X-Who\", \"nobody\"))</set-url>"
                                + "<set-method>POST</set-method><set-body>lookup</set-body></send-request>"
                                + "<set-header name=\"X-Looked-Up\"><value>@((string)((IResponse)context.Variables[\"r\"]).Body.As<JObject>(preserveContent: true)[\"uri\"])</value></set-header>"
                                + "<set-header name=\"X-Looked-Up-Length\"><value>@(context.Variables.GetValueOrDefault<IResponse>(\"r\").Body.As<JObject>()[\"bodyLength\"].ToString())</value></set-header>")),
                operation("replay", "GET", "/replay", inbound(
                        "<send-request response-variable-name=\"r\"><set-url>" + service.url() + "/status/201</set-url></send-request>"
                                + "<return-response response-variable-name=\"r\"><set-header name=\"X-Replayed\"><value>true</value></set-header></return-response>")),
                operation("copy", "POST", "/copy", inbound(
                        "<send-request mode=\"copy\" response-variable-name=\"r\"><set-url>" + service.url() + "/copied</set-url></send-request>"
                                + "<return-response response-variable-name=\"r\"/>")),
                operation("down", "GET", "/down", inbound(
                        "<send-request response-variable-name=\"r\"><set-url>" + down + "/x</set-url></send-request>", lastError)),
                operation("down-ignored", "GET", "/down-ignored", inbound(
                        "<send-request response-variable-name=\"r\" ignore-error=\"true\"><set-url>" + down + "/x</set-url></send-request>"
                                + "<set-header name=\"X-Response\"><value>@(context.Variables[\"r\"] == null ? \"null\" : \"set\")</value></set-header>")),
                operation("slow", "GET", "/slow", inbound(
                        "<send-request response-variable-name=\"r\" timeout=\"1\"><set-url>" + silent.url() + "/hold</set-url></send-request>", lastError)),
                operation("notify", "GET", "/notify", inbound(
                        "<send-one-way-request mode=\"new\"><set-url>" + hook.url() + "/hold/event</set-url><set-method>POST</set-method>"
                                + "<set-body>@(\"called \" + context.Request.Url.Path)</set-body></send-one-way-request>")),
                operation("notify-down", "GET", "/notify-down", inbound(
                        "<send-one-way-request><set-url>" + down + "/hook?sig=s3cr3t-signature</set-url></send-one-way-request>")),
                operation("basic", "GET", "/basic", inbound(
                        "<authentication-basic username=\"gateway\" password=\"{{backend-password}}\"/>"))))));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        for (TestBackend server : List.of(backend, service, silent, hook)) {
            server.close();
        }
    }

    @Test
    void aCalloutsResponseFeedsAnExpression() throws Exception {
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/calls/lookup")).header("X-Who", "ada"));
        assertEquals(200, response.statusCode());
        Echo atBackend = Echo.parse(response.body());
        assertEquals("/directory/ada", atBackend.firstHeader("X-Looked-Up"));
        assertEquals("6", atBackend.firstHeader("X-Looked-Up-Length"), "the call-out sent its body");
        Echo atService = Echo.parse(service.echoes().stream().filter(e -> e.contains("/directory/ada")).findFirst().orElseThrow());
        assertEquals("POST", atService.method());
    }

    @Test
    void returnResponseHandsTheStoredResponseToTheClient() throws Exception {
        HttpResponse<String> response = gateway.get("/calls/replay");
        assertEquals(201, response.statusCode());
        assertEquals("status 201", response.body());
        assertEquals("true", response.headers().firstValue("X-Replayed").orElseThrow());
    }

    @Test
    void copyModeSendsTheClientsRequestBodyAndHeaders() throws Exception {
        String body = "{\"order\": 17, \"lines\": [1, 2, 3]}";
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/calls/copy"))
                .header("X-Client", "c1").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, response.statusCode());
        Echo atService = Echo.parse(response.body());
        assertEquals("POST", atService.method());
        assertEquals("/copied", atService.uri());
        assertEquals(body.length(), atService.bodyLength());
        assertEquals("c1", atService.firstHeader("X-Client"));
        assertEquals(String.valueOf(body.length()), atService.firstHeader("Content-Length"));
    }

    @Test
    void aServiceThatIsDownRunsOnErrorWithLastError() throws Exception {
        HttpResponse<String> response = gateway.get("/calls/down");
        assertEquals(500, response.statusCode());
        assertEquals("send-request|BackendConnectionFailure|inbound", response.headers().firstValue("X-Error").orElseThrow());
        String message = Json.error(response.body(), 500);
        assertFalse(message.contains("127.0.0.1"), "no address in the client's error: " + message);
        assertEquals(0, backend.echoes().stream().filter(e -> e.contains("/down\"")).count(), "the request was not forwarded");
    }

    @Test
    void withIgnoreErrorTheVariableIsNullAndTheRequestGoesOn() throws Exception {
        HttpResponse<String> response = gateway.get("/calls/down-ignored");
        assertEquals(200, response.statusCode());
        assertEquals("null", Echo.parse(response.body()).firstHeader("X-Response"));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsATimeout() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = gateway.get("/calls/slow");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(500, response.statusCode());
        assertEquals("send-request|Timeout|inbound", response.headers().firstValue("X-Error").orElseThrow());
        assertTrue(millis >= 900 && millis < 10_000, "answered after the 1 s timeout: " + millis + " ms");
    }

    @Test
    void aOneWayRequestCompletesAfterTheClientHasItsAnswer() throws Exception {
        HttpResponse<String> response = gateway.get("/calls/notify");
        assertEquals(200, response.statusCode(), "the client is answered while the hook still holds the call");
        Await.until("the one-way call reached the hook", Duration.ofSeconds(10), () -> hook.held() == 1);
        assertTrue(hook.echoes().isEmpty(), "the hook has not answered yet");
        hook.releaseHeld();
        Await.until("the hook answered the one-way call", Duration.ofSeconds(10), () -> hook.echoes().size() == 1);
        Echo atHook = Echo.parse(hook.echoes().get(0));
        assertEquals("POST", atHook.method());
        assertEquals("called /notify".length(), atHook.bodyLength());
    }

    @Test
    void aFailedOneWayRequestIsLoggedOnceWithoutItsSecretAndTheClientNeverKnows() throws Exception {
        try (LogCapture log = new LogCapture(SendOneWayRequestPolicy.class)) {
            HttpResponse<String> response = gateway.get("/calls/notify-down");
            assertEquals(200, response.statusCode());
            List<String> warnings = Await.until("the failure is logged", Duration.ofSeconds(10),
                    () -> log.messages(Level.WARN), found -> !found.isEmpty());
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains(down) && warnings.get(0).contains("CONNECTION"), warnings.get(0));
            assertFalse(warnings.get(0).contains("s3cr3t") || warnings.get(0).contains("/hook"), warnings.get(0));
        }
    }

    @Test
    void authenticationBasicIsWhatTheBackendSees() throws Exception {
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/calls/basic"))
                .header("Authorization", "Bearer from-the-client"));
        assertEquals(200, response.statusCode());
        assertEquals(List.of("Basic Z2F0ZXdheTpwYTU1"), Echo.parse(response.body()).header("Authorization"));
    }

    private static String inbound(String policies) {
        return inbound(policies, "");
    }

    private static String inbound(String policies, String onError) {
        return "<policies><inbound><base/>" + policies + "</inbound><on-error><base/>" + onError + "</on-error></policies>";
    }
}
