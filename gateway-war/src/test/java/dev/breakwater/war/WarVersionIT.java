package dev.breakwater.war;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breakwater.gateway.bootstrap.Version;
import dev.breakwater.gateway.testing.TestBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WAR reports the build's version (its manifest does not know it), here deployed in Jetty 12. */
class WarVersionIT {

    @TempDir
    Path tempDir;

    @Test
    void theStatusOfTheDeployedWarCarriesTheRealVersion() throws Exception {
        try (TestBackend backend = new TestBackend();
             AutoCloseable settings = WarFixtures.useSettings(WarFixtures.settingsFile(tempDir, "gateway-config.json",
                     backend.url(), Map.of("server.admin.path", "/_admin", "server.admin.token", "version-token",
                             "metrics.jmx.enabled", "false")))) {
            Server server = new Server();
            ServerConnector connector = WarFixtures.onLoopback(new ServerConnector(server));
            server.setHandler(WarFixtures.webapp(tempDir));
            server.start();
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + connector.getLocalPort() + WarFixtures.CONTEXT_PATH + "/_admin/status"))
                        .header("Authorization", "Bearer version-token").build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), response.body());
                JsonNode status = new ObjectMapper().readTree(response.body());
                assertNotEquals("development", Version.current());
                assertEquals(Version.current(), status.path("version").asText(), response.body());
            } finally {
                server.stop();
            }
        }
    }
}
