package dev.breakwater.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.settings.Setting;
import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.testing.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start: conf/gateway.properties and the sample document serve the sample
 * API; and the README's settings table names every setting there is.
 */
class SampleConfigIT {

    @Test
    void sampleSettingsServeTheHelloApi() throws Exception {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        Map<String, String> file = new HashMap<>(Settings.readFile(repository.resolve("conf/gateway.properties")));
        file.put(GatewaySettings.LOCAL_FILE, repository.resolve(file.get(GatewaySettings.LOCAL_FILE)).toString());
        Settings settings = Settings.resolve(GatewaySettings.ALL, file, Map.of(), Map.of(),
                Map.of(GatewaySettings.HTTP_PORT, "0", GatewaySettings.HTTP_HOST, "127.0.0.1",
                        GatewaySettings.ADMIN_PORT, "-1", GatewaySettings.JMX_ENABLED, "false"));
        try (GatewayServer server = GatewayServer.start(settings)) {
            HttpResponse<String> hello = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/hello")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, hello.statusCode());
            assertTrue(hello.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertEquals("Hello from Breakwater", Json.text(Json.parse(hello.body()), "message"));
        }
    }

    @Test
    void readmeDocumentsEverySetting() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (Setting setting : GatewaySettings.ALL) {
            String row = "| `" + setting.name() + "` | ";
            assertTrue(readme.contains(row), "README.md has no row for " + setting.name());
            if (setting.defaultValue() != null) {
                assertTrue(readme.contains(row + "`" + setting.defaultValue() + "` |"),
                        "README.md shows another default for " + setting.name());
            }
        }
    }
}
