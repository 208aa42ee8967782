package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** A write answered 2xx survives a kill -9 of the management plane right after the answer. */
class DurabilityIT {

    private static final Path MANAGEMENT_PLANE = Path.of("target", "management-plane.jar").toAbsolutePath();

    private static final int TRIALS = 5;
    private static final String TOKEN = "durability-admin-token";

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void confirmedWritesSurviveSigkill() throws Exception {
        Path data = dir.resolve("data");
        for (int trial = 0; trial < TRIALS; trial++) {
            try (JavaProcess plane = startPlane(data)) {
                int port = plane.awaitPort("management plane listening on port", Duration.ofSeconds(30));
                for (int earlier = 0; earlier < trial; earlier++) {
                    assertEquals(200, send(port, "GET", "/admin/apis/api-" + earlier, null).statusCode(),
                            "api-" + earlier + " confirmed before a kill -9 is still there");
                }
                HttpResponse<String> written = send(port, "PUT", "/admin/apis/api-" + trial,
                        "{\"path\": \"p" + trial + "\", \"serviceUrl\": \"http://127.0.0.1:9\", \"subscriptionRequired\": false}");
                assertEquals(201, written.statusCode(), written.body());
                plane.kill(); // at once, after the answer
            }
        }
        try (JavaProcess plane = startPlane(data)) {
            int port = plane.awaitPort("management plane listening on port", Duration.ofSeconds(30));
            for (int trial = 0; trial < TRIALS; trial++) {
                assertEquals(200, send(port, "GET", "/admin/apis/api-" + trial, null).statusCode());
            }
        }
    }

    private JavaProcess startPlane(Path data) throws Exception {
        return JavaProcess.start(MANAGEMENT_PLANE, dir, List.of("-Xmx128m"), Map.of("ADMIN_TOKEN", TOKEN),
                "--server.http.port=0", "--server.http.host=127.0.0.1", "--data.dir=" + data);
    }

    private HttpResponse<String> send(int port, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
