package dev.breakwater.war;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The checks every container must pass with the deployed WAR, against the configuration of
 * {@code config/gateway-config.json}: API {@code orders} on the test backend's {@code /svc}.
 * Every request has a timeout, so a hung container fails the test instead of stalling the build.
 */
final class ProxyChecks {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    // Larger than any container's request buffer, so the body really streams through the proxy.
    private static final long BODY_LENGTH = 300_000;

    private ProxyChecks() {
    }

    /**
     * A POST through the gateway reaches the backend with the path below the API prefix, the
     * query string, the header the inbound policy set and the whole body; the response carries
     * the header the outbound policy set and the request id the backend saw.
     *
     * @param gatewayUrl e.g. {@code http://127.0.0.1:41234/gw}
     */
    static void assertProxies(String gatewayUrl) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/orders/things/7?color=blue&n=1"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> TestData.stream(BODY_LENGTH)))
                .build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response::body);
        Echo echo = Echo.parse(response.body());
        assertEquals("POST", echo.method());
        assertEquals("/svc/things/7", echo.uri());
        assertEquals("color=blue&n=1", echo.query());
        assertEquals("breakwater-war", echo.firstHeader("X-Gateway"));
        assertEquals(BODY_LENGTH, echo.bodyLength());
        assertEquals(TestData.sha256Of(BODY_LENGTH), echo.bodySha256());

        assertEquals("breakwater-war", response.headers().firstValue("X-Served-By").orElse(null));
        assertEquals("test-backend", response.headers().firstValue("X-Backend").orElse(null));
        assertEquals(1, response.headers().allValues("Server").size(),
                () -> "one Server header, the backend's, not the container's beside it: " + response.headers().map());
        String requestId = response.headers().firstValue("X-Request-Id").orElse(null);
        assertNotNull(requestId, "X-Request-Id");
        assertFalse(requestId.isBlank(), "X-Request-Id");
        assertEquals(requestId, echo.firstHeader("X-Request-Id"), "the id the backend saw");
    }

    /** A path no API serves: the gateway's JSON 404, not the container's HTML page. */
    static void assertUnknownPathIsJson404(String gatewayUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = get(gatewayUrl + "/no-such-api/x");
        assertEquals(404, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                () -> "Content-Type: " + response.headers().firstValue("Content-Type"));
        Json.error(response.body(), 404);
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent(), "X-Request-Id");
    }

    /** The readiness probe answers 200 once the configuration is served. */
    static void assertReady(String gatewayUrl) throws IOException, InterruptedException {
        assertEquals(200, readinessStatus(gatewayUrl));
    }

    static int readinessStatus(String gatewayUrl) throws IOException, InterruptedException {
        return get(gatewayUrl + "/status-0123456789abcdef").statusCode();
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
