package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.settings.SettingsException;
import dev.breakwater.gateway.testing.JavaProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages name what to change, never a library's internals: settings are all checked before
 * anything is created on disk; a second management plane on the same data.dir is told so;
 * wrong JSON values are named by path in plain words.
 */
class StartupMessagesIT {

    private static final Path MANAGEMENT_PLANE = Path.of("target", "management-plane.jar").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everySettingIsCheckedBeforeDataDirIsCreated() {
        Path data = dir.resolve("new-data");
        Map<String, String> wrong = Map.of(
                ManagementSettings.HTTP_PORT, "99999",
                ManagementSettings.REQUEST_MAX_SIZE, "12",
                ManagementSettings.LONG_POLL_MAX, "0s",
                ManagementSettings.SHUTDOWN_TIMEOUT, "soon",
                ManagementSettings.ADMIN_TOKEN, "short",
                ManagementSettings.STORE_KEY, "not-a-key");
        for (Map.Entry<String, String> setting : wrong.entrySet()) {
            Map<String, String> values = new HashMap<>(Map.of(ManagementSettings.DATA_DIR, data.toString()));
            values.put(setting.getKey(), setting.getValue());
            String message = assertThrows(SettingsException.class, () -> ManagementPlane.start(
                    Settings.resolve(ManagementSettings.ALL, Map.of(), Map.of(), Map.of(), values))).getMessage();
            assertTrue(message.startsWith("setting '" + setting.getKey() + "'"), message);
            assertFalse(message.contains("not-a-key"), "a key is never shown: " + message);
            assertFalse(Files.exists(data), setting.getKey() + ": nothing was created");
        }
    }

    @Test
    void aSecondManagementPlaneOnTheSameDataDirIsToldSo() throws Exception {
        Path data = dir.resolve("data");
        try (ManagementPlaneFixture first = new ManagementPlaneFixture(data);
             JavaProcess second = JavaProcess.start(MANAGEMENT_PLANE, dir, List.of("-Xmx128m"),
                     Map.of("ADMIN_TOKEN", ManagementPlaneFixture.ADMIN_TOKEN), "--server.http.port=0",
                     "--server.http.host=127.0.0.1", "--data.dir=" + data)) {
            assertEquals(2, second.awaitExit(Duration.ofSeconds(60)), second.output());
            String output = second.output();
            assertTrue(output.contains("management plane: data.dir " + data.toAbsolutePath() + " is in use by another "
                    + "management plane (H2 file lock); use a separate data.dir or stop the other one"), output);
            assertFalse(output.contains("server mode"), output);
            assertFalse(output.contains("Exception"), output);
            assertEquals(200, first.admin("GET", "/admin/config", null).statusCode(), "the first one goes on");
        }
    }

    @Test
    void wrongValuesAreNamedByPathInPlainWords() throws Exception {
        try (ManagementPlaneFixture plane = new ManagementPlaneFixture(dir.resolve("data"))) {
            plane.admin("PUT", "/admin/gateways/gw-1", "{}");
            assertError("at $.expiry (line 1, column 12): expected an ISO-8601 instant such as 2026-12-01T00:00:00Z, "
                    + "not the string \"tomorrow\"", plane.admin("POST", "/admin/gateways/gw-1/tokens",
                    "{\"expiry\": \"tomorrow\"}"));
            assertError("at $.subscriptionRequired (line 1, column 42): expected true or false, not the string \"no\"",
                    plane.admin("PUT", "/admin/apis/echo", "{\"path\": \"echo\", \"subscriptionRequired\": \"no\"}"));
            HttpResponse<String> heartbeat = plane.send("POST", "/gateway/v1/gateways/gw-1/heartbeat",
                    "{\"instanceId\": \"i-1\", \"heartbeatIntervalSeconds\": \"one\"}", "application/json",
                    plane.token("gw-1", "primary"));
            assertError("at $.heartbeatIntervalSeconds (line 1, column 51): expected a whole number, not the string "
                    + "\"one\"", heartbeat);
        }
    }

    private static void assertError(String message, HttpResponse<String> response) throws Exception {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(message, JSON.readTree(response.body()).get("message").asText());
    }
}
