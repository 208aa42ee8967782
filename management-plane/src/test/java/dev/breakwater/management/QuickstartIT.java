package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.testing.Json;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: conf/quickstart.sh starts a management plane and a connected gateway. */
class QuickstartIT {

    @TempDir
    Path dir;

    @Test
    void quickstartServesTheSampleApiThroughAManagedGateway() throws Exception {
        int managementPort = freePort();
        int gatewayPort = freePort();
        Path script = Path.of("..", "conf", "quickstart.sh").toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("quickstart.log").toFile());
        builder.environment().put("MP_PORT", String.valueOf(managementPort));
        builder.environment().put("GATEWAY_PORT", String.valueOf(gatewayPort));
        builder.environment().put("DATA_DIR", dir.resolve("data").toString());
        builder.environment().put("ADMIN_PORT", String.valueOf(freePort()));
        Process quickstart = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest hello = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + "/hello"))
                    .timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && (response == null || response.statusCode() != 200)) {
                try {
                    response = http.send(hello, HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException notYet) {
                    response = null;
                }
                if (response == null || response.statusCode() != 200) {
                    Thread.sleep(200); // poll, not spin, while it starts (refused, 404 or 503 until it serves)
                }
            }
            assertEquals(200, response == null ? -1 : response.statusCode(),
                    () -> java.nio.file.Files.exists(dir.resolve("quickstart.log")) ? read(dir.resolve("quickstart.log")) : "");
            assertEquals("Hello from Breakwater, configured by the management plane",
                    Json.text(Json.parse(response.body()), "message"));
            String adminToken = java.nio.file.Files.readString(dir.resolve("data").resolve("admin-token")).trim();
            assertTrue(!read(dir.resolve("quickstart.log")).contains(adminToken),
                    "the generated admin token is stored in a file, never logged");
        } finally {
            quickstart.destroy(); // SIGTERM: the script stops both processes
            if (!quickstart.waitFor(30, TimeUnit.SECONDS)) {
                quickstart.descendants().forEach(ProcessHandle::destroyForcibly);
                quickstart.destroyForcibly();
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
