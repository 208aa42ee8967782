package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.testing.JavaProcess;
import dev.breakwater.gateway.testing.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write answered 2xx survives a kill -9 of the management plane right after the answer:
 * the entity reads back exactly as confirmed, and the revision is the last one confirmed.
 */
class DurabilityIT {

    private static final Path MANAGEMENT_PLANE = Path.of("target", "management-plane.jar").toAbsolutePath();

    private static final int TRIALS = 5;
    private static final String TOKEN = "durability-admin-token";

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    /** What was confirmed, by API id: the answer to its last write. */
    private final Map<String, JsonNode> confirmed = new LinkedHashMap<>();
    private long confirmedRevision;

    @Test
    void confirmedWritesSurviveSigkill() throws Exception {
        Path data = dir.resolve("data");
        for (int trial = 0; trial < TRIALS; trial++) {
            try (JavaProcess plane = startPlane(data)) {
                int port = plane.awaitPort("management plane listening on port", Duration.ofSeconds(30));
                assertSurvived(port, "before trial " + trial);
                // A new API, and a new version of one every trial changes: a lost update answers 200 too.
                write(port, "api-" + trial, api(trial, "api " + trial));
                write(port, "shared", api(trial, "shared, as of trial " + trial));
                plane.kill(); // at once, after the answer
            }
        }
        try (JavaProcess plane = startPlane(data)) {
            int port = plane.awaitPort("management plane listening on port", Duration.ofSeconds(30));
            assertSurvived(port, "after the last kill");
        }
    }

    /** An API whose every field says which trial wrote it. */
    private static String api(int trial, String displayName) {
        return "{\"displayName\": \"" + displayName + "\", \"path\": \"p" + trial + "-" + displayName.length()
                + "\", \"serviceUrl\": \"http://127.0.0.1:9/v" + trial + "\", \"subscriptionRequired\": false,"
                + " \"hostnames\": [\"t" + trial + ".example\"], \"policy\": "
                + "\"<policies><inbound><base/><set-header name=\\\"X-Trial\\\"><value>" + trial
                + "</value></set-header></inbound></policies>\"}";
    }

    /** Writes an API, checks the answer holds what was sent, and records it and its revision as confirmed. */
    private void write(int port, String id, String json) throws Exception {
        HttpResponse<String> written = send(port, "PUT", "/admin/apis/" + id, json);
        assertTrue(written.statusCode() == 200 || written.statusCode() == 201, written.statusCode() + " " + written.body());
        JsonNode answer = Json.parse(written.body());
        assertEquals(id, Json.text(answer, "id"));
        Json.parse(json).fields().forEachRemaining(field ->
                assertEquals(field.getValue(), answer.get(field.getKey()), field.getKey() + " of " + id + " as written"));
        long revision = Long.parseLong(written.headers().firstValue("Breakwater-Revision").orElseThrow());
        assertEquals(confirmedRevision + 1, revision, "each write is the next revision");
        confirmed.put(id, answer);
        confirmedRevision = revision;
    }

    /** Every confirmed API reads back as confirmed, nothing else is there, and the revision is the last confirmed. */
    private void assertSurvived(int port, String when) throws Exception {
        for (Map.Entry<String, JsonNode> api : confirmed.entrySet()) {
            HttpResponse<String> read = send(port, "GET", "/admin/apis/" + api.getKey(), null);
            assertEquals(200, read.statusCode(), when + ": " + api.getKey() + " " + read.body());
            assertEquals(api.getValue(), Json.parse(read.body()), when + ": " + api.getKey() + " as confirmed");
        }
        HttpResponse<String> export = send(port, "GET", "/admin/config", null);
        assertEquals(200, export.statusCode(), export.body());
        assertEquals(String.valueOf(confirmedRevision), export.headers().firstValue("Breakwater-Revision").orElseThrow(),
                when + ": the revision of the last confirmed write");
        JsonNode document = Json.parse(export.body());
        assertEquals(confirmedRevision, Json.integer(document, "revision"), when);
        assertEquals(confirmed.size(), Json.field(document, "apis").size(), when + ": " + document);
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
