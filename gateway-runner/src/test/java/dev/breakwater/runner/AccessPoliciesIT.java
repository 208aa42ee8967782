package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check-header and ip-filter in the real runner in front of a real backend: what they refuse gets
 * APIM's status and message, runs on-error and never reaches the backend; what they let through does.
 * The test client connects from 127.0.0.1 and no proxy is trusted, so an X-Forwarded-For it sends is
 * not believed.
 */
class AccessPoliciesIT {

    @TempDir
    static Path dir;
    static TestBackend backend;
    static InProcessGateway gateway;

    private static String withOnError(String inbound) {
        return "<policies><inbound><base/>" + inbound + "</inbound><backend><base/></backend><outbound><base/></outbound>"
                + "<on-error><base/><set-header name=\"X-Error-Reason\" exists-action=\"override\">"
                + "<value>@(context.LastError.Reason)</value></set-header></on-error></policies>";
    }

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        gateway = new InProcessGateway(dir, document(1, null,
                api("keyed", "keyed", backend.url(), withOnError("<check-header name=\"X-Api-Key\" "
                        + "failed-check-httpcode=\"401\" failed-check-error-message=\"Not authorized\" ignore-case=\"false\">"
                        + "<value>k-1</value><value>k-2</value></check-header>"), ""),
                api("local", "local", backend.url(), withOnError("<ip-filter action=\"allow\">"
                        + "<address>127.0.0.1</address><address-range from=\"::1\" to=\"::1\"/></ip-filter>"), ""),
                api("blocked", "blocked", backend.url(), withOnError("<ip-filter action=\"forbid\">"
                        + "<address-range from=\"127.0.0.0\" to=\"127.255.255.255\"/></ip-filter>"), "")));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        backend.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return gateway.send(request);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String message, String reason)
            throws Exception {
        assertEquals(status, response.statusCode());
        JsonNode body = Json.parse(response.body());
        assertEquals(status, body.get("statusCode").asInt());
        assertEquals(message, body.get("message").asText());
        assertEquals(reason, response.headers().firstValue("X-Error-Reason").orElse(null), "on-error ran");
    }

    @Test
    void checkHeaderRefusesAMissingOrWrongHeaderBeforeTheBackendAndLetsARightOneThrough() throws Exception {
        int before = backend.requestsReceived();
        assertRefused(get("/keyed/a"), 401, "Not authorized", "HeaderNotFound");
        assertRefused(get("/keyed/b", "X-Api-Key", "K-1"), 401, "Not authorized", "HeaderValueNotAllowed");
        assertEquals(before, backend.requestsReceived(), "no refused request reached the backend");

        HttpResponse<String> passed = get("/keyed/c", "X-Api-Key", "k-2");
        assertEquals(200, passed.statusCode());
        assertEquals(List.of("k-2"), Echo.parse(passed.body()).header("X-Api-Key"));
        assertEquals(before + 1, backend.requestsReceived());
    }

    @Test
    void ipFilterAllowsTheLoopbackCallerAndForbidsItWhereItIsListed() throws Exception {
        int before = backend.requestsReceived();
        HttpResponse<String> allowed = get("/local/x");
        assertEquals(200, allowed.statusCode());
        assertEquals("/x", Echo.parse(allowed.body()).uri());
        assertEquals(before + 1, backend.requestsReceived());

        assertRefused(get("/blocked/x", "X-Forwarded-For", "203.0.113.9"), 403,
                "Caller IP address is blocked. Access denied.", "CallerIpBlocked");
        assertEquals(before + 1, backend.requestsReceived(), "the forbidden request never reached the backend");
    }
}
