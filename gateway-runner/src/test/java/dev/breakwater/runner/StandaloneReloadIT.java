package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import dev.breakwater.gateway.source.LocalFileConfigSource;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Editing the file of a standalone gateway: a revert to the content being served clears the
 * error and says so; a broken content that comes back is reported again; every log line names
 * the content by its hash, since a hand-edited file keeps its revision. Each step waits for the
 * status endpoint and the log to show it (bounded), never for a fixed time.
 */
class StandaloneReloadIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String shortHash(String content) {
        return SnapshotCompiler.sha256(content.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }

    @Test
    void aRevertClearsTheErrorAndABrokenContentSeenAgainIsReportedAgain() throws Exception {
        String served = document(1, null, api("a", "a", "http://127.0.0.1:9", null, ""));
        String brokenOne = document(1, null, api("a", "a", "http://127.0.0.1:9", "<policies><inbound><nope/></inbound></policies>", ""));
        String brokenTwo = document(1, null, api("a", "a", "http://127.0.0.1:9", null, ", \"servceUrl\": \"x\""));
        try (LogCapture log = new LogCapture(LocalFileConfigSource.class);
             InProcessGateway gateway = new InProcessGateway(dir, served)) {
            assertEquals(1, log.count("serving configuration revision 1", "sha256 " + shortHash(served)),
                    () -> String.join("\n", log.messages()));

            write(gateway, brokenOne);
            awaitLastError(gateway, containing("<nope>"));
            await(() -> log.count("WARN", "sha256 " + shortHash(brokenOne), "refused, still serving revision 1",
                    "sha256 " + shortHash(served)) == 1, log);

            write(gateway, served);
            awaitLastError(gateway, error -> error == null);
            await(() -> log.count("INFO", "back to the content being served", "sha256 " + shortHash(served),
                    "the error is cleared") == 1, log);

            write(gateway, brokenOne);
            awaitLastError(gateway, containing("<nope>"));
            await(() -> log.count("refused", "sha256 " + shortHash(brokenOne)) == 2, log);

            write(gateway, brokenTwo);
            awaitLastError(gateway, containing("servceUrl"));
            write(gateway, brokenOne);
            awaitLastError(gateway, containing("<nope>"));
            await(() -> log.count("refused", "sha256 " + shortHash(brokenOne)) == 3, log);

            assertEquals(1, gateway.server.gateway().activeConfig().current().revision());
            assertEquals(shortHash(served), gateway.server.gateway().activeConfig().current().sha256().substring(0, 12),
                    "the first content is served throughout");
        }
    }

    private static Predicate<String> containing(String text) {
        return error -> error != null && error.contains(text);
    }

    /** Writes the file with a new modification time, as an editor saving it would. */
    private static void write(InProcessGateway gateway, String content) throws Exception {
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(gateway.configFile);
        Files.writeString(gateway.configFile, content);
        if (Files.getLastModifiedTime(gateway.configFile).equals(before)) {
            // A coarse file-system clock: move the time on, as a later save would.
            Files.setLastModifiedTime(gateway.configFile,
                    java.nio.file.attribute.FileTime.fromMillis(before.toMillis() + 1000));
        }
    }

    private static void awaitLastError(InProcessGateway gateway, Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = gateway.client.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + gateway.server.adminPort() + "/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            status = JSON.readTree(response.body());
            JsonNode error = status.get("lastError");
            if (condition.test(error == null || error.isNull() ? null : error.asText())) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("status did not show the expected lastError within " + WAIT + ": " + status);
    }

    private static void await(BooleanSupplier condition, LogCapture log) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the expected log line did not come within " + WAIT + ":\n"
                        + String.join("\n", log.messages()));
            }
            Thread.sleep(20);
        }
    }
}
