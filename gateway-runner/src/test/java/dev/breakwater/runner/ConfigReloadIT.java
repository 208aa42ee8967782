package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.TestBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file is re-read on change; a broken edit is refused and the old one keeps serving. */
class ConfigReloadIT {

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

            Files.writeString(gateway.configFile, document(2, null,
                    api("a", "a", backend.url(), "<policies><inbound><set-heder name=\"x\"/></inbound></policies>", "")));
            Thread.sleep(500); // ten poll intervals: long enough for the watcher to see and refuse it
            assertEquals(1, gateway.server.gateway().activeConfig().current().revision());
            assertEquals("one", Echo.parse(gateway.get("/a/x").body()).firstHeader("X-Version"));
            assertEquals(200, gateway.get("/status-0123456789abcdef").statusCode(), "still ready");

            gateway.reconfigure(document(3, null, api("a", "a", backend.url(), setHeader("three"), ""),
                    api("b", "b", backend.url(), null, "")), 3);
            assertEquals("three", Echo.parse(gateway.get("/a/x").body()).firstHeader("X-Version"));
            assertEquals(200, gateway.get("/b/x").statusCode(), "an API added by the edit is served");

            gateway.reconfigure(document(4, null, api("b", "b", backend.url(), null, "")), 4);
            assertEquals(404, gateway.get("/a/x").statusCode(), "an API removed by the edit is gone");
        }
    }
}
