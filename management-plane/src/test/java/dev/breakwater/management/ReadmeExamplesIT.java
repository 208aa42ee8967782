package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.TestBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's admin API examples, taken from the README itself and run with bash and curl, as
 * a reader would paste them, against a real management plane; then a real gateway started
 * with the token they produced serves the API they created, and their status command shows it.
 */
class ReadmeExamplesIT {

    private static final String MARKER = "<!-- ReadmeExamplesIT runs the next block against a real management plane -->";
    private static final Pattern TOKEN = Pattern.compile("\"value\":\"(GatewayKey [^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theAdminApiExamplesWorkAsWritten() throws Exception {
        String block = readmeBlock();
        try (ManagementPlaneFixture plane = new ManagementPlaneFixture(dir.resolve("data"));
             TestBackend backend = new TestBackend()) {
            // The one liberty taken: the backend the example names is this test's.
            String output = bash(block.replace("http://127.0.0.1:9000", backend.url()), plane);
            for (String created : new String[] {"/admin/apis/orders", "/admin/apis/orders/operations/get-order",
                    "/admin/gateways/edge-1"}) {
                assertEquals(200, plane.admin("GET", created, null).statusCode(), created + " exists");
            }
            JsonNode gateway = JSON.readTree(plane.admin("GET", "/admin/gateways/edge-1", null).body());
            assertEquals("orders", gateway.path("apis").path(0).asText(), gateway.toString());
            assertTrue(plane.admin("GET", "/admin/apis/orders/policy", null).body().contains("X-Gateway"));

            Matcher token = TOKEN.matcher(output);
            assertTrue(token.find(), "step 5 printed a token:\n" + output);
            try (ManagedGateway running = new ManagedGateway(plane.url(), "edge-1", token.group(1), dir.resolve("backup"))) {
                var forwarded = running.awaitResponse("/orders/42", response -> response.statusCode() == 200,
                        Duration.ofSeconds(15));
                Echo echo = Echo.parse(forwarded.body());
                assertEquals("/orders/42", echo.uri());
                assertEquals("breakwater", echo.firstHeader("X-Gateway"));

                long revision = JSON.readTree(plane.admin("GET", "/admin/config", null).body()).path("revision").asLong();
                String statusCommand = block.lines().filter(line -> line.contains("/status\"")).findFirst().orElseThrow();
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                JsonNode status;
                do {
                    status = JSON.readTree(bash(statusCommand, plane));
                } while (status.path("instances").path(0).path("revision").asLong() != revision
                        && System.nanoTime() < deadline && sleep());
                assertEquals(revision, status.path("instances").path(0).path("revision").asLong(), status.toString());
                assertTrue(status.path("instances").path(0).path("connected").asBoolean(), status.toString());
            }
        }
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(100);
        return true;
    }

    /** The shell block after the marker in README.md. */
    private static String readmeBlock() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int marker = readme.indexOf(MARKER);
        assertTrue(marker >= 0, "README.md has no block marked for this test");
        int start = readme.indexOf("```sh\n", marker) + "```sh\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    /**
     * Runs the commands with MP and TOKEN set as the README's setup sets them; every curl fails
     * on an HTTP error, so does the whole block.
     */
    private String bash(String commands, ManagementPlaneFixture plane) throws Exception {
        Path output = Files.createTempFile(dir, "bash", ".out");
        Path errors = Files.createTempFile(dir, "bash", ".err");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                "set -euo pipefail\ncurl() { command curl --fail-with-body \"$@\"; echo; }\n" + commands)
                .redirectOutput(output.toFile()).redirectError(errors.toFile());
        builder.environment().put("MP", plane.url());
        builder.environment().put("TOKEN", ManagementPlaneFixture.ADMIN_TOKEN);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the commands did not finish within 60 s:\n" + commands);
        }
        String out = Files.readString(output);
        assertEquals(0, process.exitValue(), () -> "failed:\n" + out + "\n" + read(errors));
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
