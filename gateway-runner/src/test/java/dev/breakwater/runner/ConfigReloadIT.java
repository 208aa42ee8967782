package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file is re-read on change; a broken edit is refused and the old one keeps serving. */
class ConfigReloadIT {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private static String setHeader(String value) {
        return "<policies><inbound><base/><set-header name=\"X-Version\"><value>" + value + "</value></set-header>"
                + "</inbound></policies>";
    }

    @Test
    void brokenEditIsRefusedWhileTheOldConfigurationKeepsServing() throws Exception {
        try (TestBackend backend = new TestBackend();
             InProcessGateway gateway = new InProcessGateway(dir, document(1, null,
                     api("a", "a", backend.url(), setHeader("one"), "")))) {
            assertEquals("one", Echo.parse(gateway.get("/a/x").body()).firstHeader("X-Version"));
            Json.absent(gateway.status(), "lastError");

            Files.writeString(gateway.configFile, document(2, null,
                    api("a", "a", backend.url(), "<policies><inbound><set-heder name=\"x\"/></inbound></policies>", "")));
            // The watcher has read and refused the file once status says why: a dead watcher never does.
            JsonNode refused = Await.until("the status names why the edited file was refused", BOUND,
                    gateway::status, status -> status.hasNonNull("lastError"));
            String reason = Json.text(refused, "lastError");
            assertTrue(reason.contains("<set-heder>") && reason.contains("not a policy this gateway knows"), reason);
            assertEquals(1, Json.integer(refused, "revision"), "the refused revision 2 is not served");
            assertTrue(Json.bool(refused, "ready"));
            assertEquals(1, gateway.server.gateway().activeConfig().current().revision());
            assertEquals("one", Echo.parse(gateway.get("/a/x").body()).firstHeader("X-Version"));
            assertEquals(200, gateway.get("/status-0123456789abcdef").statusCode(), "still ready");

            gateway.reconfigure(document(3, null, api("a", "a", backend.url(), setHeader("three"), ""),
                    api("b", "b", backend.url(), null, "")), 3);
            assertEquals("three", Echo.parse(gateway.get("/a/x").body()).firstHeader("X-Version"));
            assertEquals(200, gateway.get("/b/x").statusCode(), "an API added by the edit is served");
            JsonNode applied = gateway.status();
            assertEquals(3, Json.integer(applied, "revision"));
            Json.absent(applied, "lastError"); // a served file has nothing to complain about

            gateway.reconfigure(document(4, null, api("b", "b", backend.url(), null, "")), 4);
            assertEquals(404, gateway.get("/a/x").statusCode(), "an API removed by the edit is gone");
        }
    }
}
