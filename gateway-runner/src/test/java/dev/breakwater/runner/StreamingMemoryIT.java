package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.JavaProcess;
import dev.breakwater.gateway.testing.TestBackend;
import dev.breakwater.gateway.testing.TestData;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GiB upload and a 1 GiB download through a runner limited to 64 MiB of heap: bodies
 * stream, they are never held whole. The hashes prove every byte arrived in order.
 */
class StreamingMemoryIT {

    private static final Path JAR = Path.of("target", "gateway-runner.jar").toAbsolutePath();

    private static final long ONE_GIB = 1024L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void oneGibibyteEachWayThrough64MibOfHeap() throws Exception {
        try (TestBackend backend = new TestBackend()) {
            Path config = dir.resolve("config.json");
            Files.writeString(config, document(1, null, api("files", "files", backend.url(), null, "")));
            try (JavaProcess runner = JavaProcess.start(JAR, dir, List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"), Map.of(),
                    "--server.http.port=0", "--server.http.host=127.0.0.1", "--server.admin.port=-1", "--config.local.file=" + config)) {
                int port = runner.awaitPort("gateway listening on port", Duration.ofSeconds(30));
                HttpClient client = HttpClient.newHttpClient();
                URI base = URI.create("http://127.0.0.1:" + port + "/files");

                HttpResponse<String> upload = client.send(HttpRequest.newBuilder(base.resolve("/files/upload"))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> TestData.stream(ONE_GIB)))
                        .timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, upload.statusCode(), upload.body());
                Echo echo = Echo.parse(upload.body());
                assertEquals(ONE_GIB, echo.bodyLength());
                assertEquals(TestData.sha256Of(ONE_GIB), echo.bodySha256());

                HttpResponse<InputStream> download = client.send(HttpRequest.newBuilder(
                        base.resolve("/files/bytes/" + ONE_GIB)).timeout(Duration.ofMinutes(3)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, download.statusCode());
                try (InputStream body = download.body()) {
                    assertEquals(TestData.sha256Of(ONE_GIB), TestData.sha256(body));
                }
                assertTrue(runner.process.isAlive(), "the runner survived:\n" + runner.output());
            }
        }
    }
}
