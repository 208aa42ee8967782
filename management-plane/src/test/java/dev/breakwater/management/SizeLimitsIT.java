package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breakwater.gateway.config.ConfigLimits;
import dev.breakwater.gateway.testing.TestBackend;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request bodies are bounded (413 before they are read whole, with or without a length), one
 * policy document has at most APIM's 256 KiB wherever it is put, and what the management
 * plane accepts, its gateways accept: a 61 MB document no longer ends in an H2
 * OutOfMemoryError that closes the store.
 */
class SizeLimitsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DEFAULT_LIMIT = 4L << 20;
    private static final String ECHO = "{\"path\": \"echo\", \"serviceUrl\": \"http://127.0.0.1:9\","
            + " \"subscriptionRequired\": false}";

    @TempDir
    Path dir;

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsReadWhole() throws Exception {
        try (ManagementPlaneFixture plane = new ManagementPlaneFixture(dir)) {
            String head = "PUT /admin/config HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + ManagementPlaneFixture.ADMIN_TOKEN + "\r\nContent-Type: application/json\r\n";
            // announces 100 MB, sends 1 KiB and waits: only an answer that does not read the body comes back
            RawHttp.Answer announced = RawHttp.sendWhileWriting(plane.port(), head + "Content-Length: 100000000\r\n\r\n",
                    out -> out.write(new byte[1024]));
            assertTooLarge(announced, "4 MiB");
            // chunks without end: the guard must stop at the limit, not wait for the last chunk
            RawHttp.Answer chunked = RawHttp.sendWhileWriting(plane.port(), head + "Transfer-Encoding: chunked\r\n\r\n",
                    out -> chunks(out, DEFAULT_LIMIT + 64 * 1024));
            assertTooLarge(chunked, "4 MiB");
            HttpResponse<String> after = plane.admin("PUT", "/admin/apis/echo", ECHO);
            assertEquals(201, after.statusCode(), "the store is open and takes the next write: " + after.body());
            assertEquals("1", after.headers().firstValue("Breakwater-Revision").orElseThrow(), "nothing refused was stored");
        }
    }

    @Test
    void aSixtyOneMegabyteDocumentIsRefusedAndTheStoreStaysOpen() throws Exception {
        String huge = "{\"apis\": [{\"id\": \"a\", \"path\": \"a\", \"subscriptionRequired\": false, \"policy\": \""
                + "x".repeat(61_000_000) + "\"}]}";
        try (ManagementPlaneFixture plane = new ManagementPlaneFixture(dir.resolve("default"))) {
            assertTooLarge(sendAll(plane, huge), "4 MiB");
            assertEquals(201, plane.admin("PUT", "/admin/apis/echo", ECHO).statusCode());
        }
        try (ManagementPlaneFixture plane = new ManagementPlaneFixture(dir.resolve("raised"),
                Map.of(ManagementSettings.REQUEST_MAX_SIZE, "64MiB"))) {
            RawHttp.Answer refused = sendAll(plane, huge);
            assertEquals(400, refused.status(), refused.body());
            assertTrue(message(refused).startsWith("the string at $.apis[0].policy (line 1, column "), refused.body());
            assertEquals(201, plane.admin("PUT", "/admin/apis/echo", ECHO).statusCode(), "the store stays open");
        }
    }

    @Test
    void onePolicyDocumentHasAtMost256KiBWhereverItIsPut() throws Exception {
        try (ManagementPlaneFixture plane = new ManagementPlaneFixture(dir, Map.of(ManagementSettings.REQUEST_MAX_SIZE,
                "64MiB"))) {
            assertEquals(201, plane.admin("PUT", "/admin/apis/echo", ECHO).statusCode());
            assertEquals(201, plane.admin("PUT", "/admin/apis/echo/operations/get",
                    "{\"method\": \"GET\", \"urlTemplate\": \"/x\"}").statusCode());
            String thirtyMegabyteHeader = "<policies><inbound><base/><set-header name=\"X-Big\"><value>"
                    + "v".repeat(30_000_000) + "</value></set-header></inbound></policies>";
            HttpResponse<String> put = plane.adminXml("PUT", "/admin/apis/echo/policy", thirtyMegabyteHeader);
            assertEquals(413, put.statusCode(), put.body());
            assertEquals("the policy document has " + thirtyMegabyteHeader.length() + " bytes; one may have at most "
                    + "262144 (256 KiB)", message(put));

            String tooLarge = policyOf(ConfigLimits.MAX_POLICY_BYTES + 1);
            for (String path : new String[] {"/admin/policy", "/admin/apis/echo/operations/get/policy"}) {
                assertEquals(413, plane.adminXml("PUT", path, tooLarge).statusCode(), path);
            }
            // 'é' is two bytes: under the JSON string limit in characters, over 256 KiB in bytes
            HttpResponse<String> inApi = plane.admin("PUT", "/admin/apis/echo", ECHO.replace("}",
                    ", \"policy\": \"" + policyOf(ConfigLimits.MAX_POLICY_BYTES + 1) + "\"}"));
            assertEquals(400, inApi.statusCode(), inApi.body());
            assertEquals("apis[0] 'echo'.policy: the policy document has 262145 bytes; one may have at most 262144 "
                    + "(256 KiB)", message(inApi));
            HttpResponse<String> inOperation = plane.admin("PUT", "/admin/apis/echo/operations/get",
                    "{\"method\": \"GET\", \"urlTemplate\": \"/x\", \"policy\": \"" + tooLarge + "\"}");
            assertEquals(400, inOperation.statusCode(), inOperation.body());
            assertTrue(message(inOperation).startsWith("apis[0] 'echo'.operations[0] 'get'.policy: the policy document "
                    + "has 262145 bytes"), inOperation.body());
            HttpResponse<String> inConfig = plane.admin("PUT", "/admin/config", "{\"policy\": \"" + tooLarge + "\"}");
            assertEquals(400, inConfig.statusCode(), inConfig.body());
            assertEquals("2", revision(plane), "nothing refused was stored (1: the API, 2: its operation)");
        }
    }

    @Test
    void aPolicyOfExactly256KiBIsAcceptedAndServedByARealGateway() throws Exception {
        String policy = "<policies><outbound><base/><set-header name=\"X-Policy\"><value>big</value></set-header>"
                + "</outbound></policies>";
        String padded = policy + "<!-- é" + "x".repeat(ConfigLimits.MAX_POLICY_BYTES - policy.length() - 11) + " -->";
        assertEquals(ConfigLimits.MAX_POLICY_BYTES, padded.getBytes(StandardCharsets.UTF_8).length);
        try (ManagementPlaneFixture plane = new ManagementPlaneFixture(dir.resolve("data"));
             TestBackend backend = new TestBackend()) {
            plane.admin("PUT", "/admin/apis/echo", ECHO.replace("http://127.0.0.1:9", backend.url()));
            assertEquals(200, plane.adminXml("PUT", "/admin/apis/echo/policy", padded).statusCode());
            plane.admin("PUT", "/admin/gateways/gw-1", "{\"apis\": [\"echo\"]}");
            try (ManagedGateway gateway = new ManagedGateway(plane.url(), "gw-1", plane.token("gw-1", "primary"),
                    dir.resolve("backup"))) {
                gateway.awaitResponse("/echo/x", response -> response.statusCode() == 200
                        && "big".equals(response.headers().firstValue("X-Policy").orElse(null)), Duration.ofSeconds(15));
            }
        }
    }

    /** A policy of exactly {@code bytes} UTF-8 bytes, with two-byte characters in its padding. */
    private static String policyOf(int bytes) {
        String start = "<policies><inbound><base/></inbound></policies><!-- ";
        String end = " -->";
        int padding = bytes - start.length() - end.length();
        return start + "é".repeat(padding / 2) + "x".repeat(padding % 2) + end;
    }

    private static RawHttp.Answer sendAll(ManagementPlaneFixture plane, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "PUT /admin/config HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ManagementPlaneFixture.ADMIN_TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        return RawHttp.sendWhileWriting(plane.port(), head, out -> out.write(body));
    }

    /** Writes that many bytes as 64 KiB chunks, and never the last chunk. */
    private static void chunks(OutputStream out, long total) throws java.io.IOException {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        for (long sent = 0; sent < total; sent += chunk.length) {
            out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    private static void assertTooLarge(RawHttp.Answer answer, String limit) throws Exception {
        assertEquals(413, answer.status(), answer.body());
        assertEquals("the request body is larger than " + limit + ", the most server.request.max.size allows",
                message(answer));
    }

    private static String message(RawHttp.Answer answer) throws Exception {
        return JSON.readTree(answer.body()).get("message").asText();
    }

    private static String message(HttpResponse<String> response) throws Exception {
        JsonNode error = JSON.readTree(response.body());
        assertEquals(response.statusCode(), error.get("statusCode").asInt());
        return error.get("message").asText();
    }

    private static String revision(ManagementPlaneFixture plane) throws Exception {
        return plane.admin("GET", "/admin/config", null).headers().firstValue("Breakwater-Revision").orElseThrow();
    }
}
