package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.settings.SettingsException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin listener is open on loopback only; anywhere else it needs its token. */
class AdminListenerIT {

    @TempDir
    Path dir;

    @Test
    void offLoopbackWithoutATokenTheGatewayDoesNotStart() {
        SettingsException refused = assertThrows(SettingsException.class, () -> new InProcessGateway(dir,
                document(1, null, api("a", "a", "http://127.0.0.1:9", null, "")),
                Map.of(GatewaySettings.ADMIN_HOST, "0.0.0.0")));
        assertTrue(refused.getMessage().contains("set server.admin.token"), refused.getMessage());
    }

    @Test
    void withATokenEveryAdminEndpointRequiresIt() throws Exception {
        try (InProcessGateway gateway = new InProcessGateway(dir, document(1, null, api("a", "a", "http://127.0.0.1:9", null, "")),
                Map.of(GatewaySettings.ADMIN_TOKEN, "admin-secret"))) {
            HttpClient http = HttpClient.newHttpClient();
            for (String path : new String[] {"/status", "/health", "/metrics"}) {
                HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gateway.server.adminPort() + path));
                assertEquals(401, http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode(), path);
                assertEquals(200, http.send(request.header("Authorization", "Bearer admin-secret").build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode(), path);
            }
        }
    }
}
