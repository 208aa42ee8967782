package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.breakwater.gateway.testing.JavaProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway runner whose token the management plane refuses says so once, clearly, without a
 * stack trace, keeps retrying, and is not ready; the token never appears in its log.
 */
class TokenRejectedIT {

    private static final Path GATEWAY = Path.of("..", "gateway-runner", "target", "gateway-runner.jar")
            .toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void rejectedTokenIsLoggedOnceAndTheGatewayIsNotReady() throws Exception {
        try (ManagementPlaneFixture plane = new ManagementPlaneFixture(dir.resolve("data"))) {
            plane.admin("PUT", "/admin/gateways/gw-1", "{}");
            String token = plane.token("gw-1", "primary");
            plane.admin("POST", "/admin/gateways/gw-1/keys/primary/regenerate", null);
            try (JavaProcess gateway = JavaProcess.start(GATEWAY, dir, List.of("-Xmx128m"), Map.of("CONFIG_SERVICE_AUTH", token),
                    "--server.http.port=0", "--server.http.host=127.0.0.1", "--gateway.name=gw-1",
                    "--config.service.endpoint=" + plane.url(), "--config.sync.interval=1s")) {
                int port = gateway.awaitPort("gateway listening on port", Duration.ofSeconds(30));
                Thread.sleep(4000); // long enough for several retries (1 s, 2 s, ...)
                HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/status-0123456789abcdef")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(503, ready.statusCode(), "no configuration, not ready");
                String log = gateway.output();
                assertEquals(1, log.split("gateway token rejected", -1).length - 1, log);
                assertFalse(log.contains("\tat "), "no stack trace:\n" + log);
                assertFalse(log.contains(token.substring(token.lastIndexOf('&') + 1)), "the token is not logged");
            }
        }
    }
}
