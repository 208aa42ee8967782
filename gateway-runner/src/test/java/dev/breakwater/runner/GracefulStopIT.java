package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.JavaProcess;
import dev.breakwater.gateway.testing.TestBackend;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM: stop accepting, let the request in flight finish, exit 0. */
class GracefulStopIT {

    private static final Path JAR = Path.of("target", "gateway-runner.jar").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void sigtermFinishesInFlightRequestsAndExitsZero() throws Exception {
        try (TestBackend backend = new TestBackend()) {
            Path config = dir.resolve("config.json");
            Files.writeString(config, document(1, null, api("a", "a", backend.url(), null, "")));
            try (JavaProcess runner = JavaProcess.start(JAR, dir, List.of("-Xmx128m"), Map.of(),
                    "--server.http.port=0", "--server.http.host=127.0.0.1", "--server.admin.port=-1", "--config.local.file=" + config)) {
                int port = runner.awaitPort("gateway listening on port", Duration.ofSeconds(30));
                CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/a/slow/2000")).build(),
                        HttpResponse.BodyHandlers.ofString());
                Await.until("the request reached the backend, which holds it for 2 s", Duration.ofSeconds(20),
                        () -> backend.requestsReceived() == 1);
                assertFalse(inFlight.isDone(), "still in flight when the stop begins");

                runner.process.destroy(); // SIGTERM
                HttpResponse<String> response = inFlight.get(20, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode(), "the request in flight finished");
                assertEquals("GET", Echo.parse(response.body()).method());
                assertEquals(0, runner.awaitExit(Duration.ofSeconds(30)), runner.output());
                assertTrue(runner.output().contains("stopping"), runner.output());
                assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(),
                        "nothing listens any more");
            }
        }
    }
}
